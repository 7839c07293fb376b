//! Goals vs plan vs done, and the travel budget against its spend.

use std::fmt::Write;

use super::format::{escape, money, or_dash};
use super::{charts, figure};
use crate::quarter_plan::view::{BudgetProgress, GoalProgress, GoalState, QuarterView};

pub fn section(view: &QuarterView) -> String {
    let mut out = String::from("<section id=\"goals\">\n<h2>Goals vs plan vs done</h2>\n");
    if view.goals.is_empty() {
        out.push_str("<p class=\"none\">No goals set for this quarter.</p>\n");
    } else {
        out.push_str(&goal_table(&view.goals));
        out.push_str(&figure(
            charts::goals(&view.goals),
            "Per goal: the target, and how many are planned, confirmed and done.",
        ));
    }
    out.push_str("<h3>Travel budget</h3>\n");
    match &view.budget {
        None => out.push_str("<p class=\"none\">No travel budget set for this quarter.</p>\n"),
        Some(budget) => {
            out.push_str(&budget_table(budget, &view.currency));
            out.push_str(&figure(
                charts::budget(budget, &view.currency),
                &format!(
                    "The ceiling against planned, committed, actual and forecast spend, in {}.",
                    escape(&view.currency)
                ),
            ));
        }
    }
    out.push_str("</section>\n");
    out
}

fn state(g: &GoalProgress) -> String {
    match g.state {
        GoalState::Met => "met".into(),
        GoalState::OnTrack => "on track".into(),
        GoalState::Planned => "planned".into(),
        GoalState::Short => format!("short by {}", g.gap),
    }
}

fn goal_table(goals: &[GoalProgress]) -> String {
    let mut out = String::from(
        "<table class=\"goals\">\n<thead><tr><th>Goal</th><th class=\"num\">Target</th><th class=\"num\">Planned</th>\
         <th class=\"num\">Confirmed</th><th class=\"num\">Done</th><th>State</th><th>In words</th></tr></thead>\n<tbody>\n",
    );
    for g in goals {
        let note = if g.goal.note.is_empty() {
            String::new()
        } else {
            format!("<div class=\"note\">{}</div>", escape(&g.goal.note))
        };
        let _ = writeln!(
            out,
            "<tr><td>{}{note}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td class=\"state-{}\">{}</td><td>{}</td></tr>",
            escape(&g.label),
            g.goal.target,
            g.planned,
            g.confirmed,
            g.done,
            g.state,
            state(g),
            escape(&g.sentence),
        );
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

fn budget_table(b: &BudgetProgress, currency: &str) -> String {
    let ceiling = or_dash(b.budget_minor, |m| money(m, currency));
    let state = if b.within { "<td class=\"state-met\">within</td>" } else { "<td class=\"state-short\">over</td>" };
    format!(
        "<table class=\"budget\">\n<thead><tr><th>Budget</th><th class=\"num\">Ceiling</th><th class=\"num\">As entered</th>\
         <th class=\"num\">Planned</th><th class=\"num\">Committed</th><th class=\"num\">Actual</th>\
         <th class=\"num\">Forecast</th><th>State</th><th>In words</th></tr></thead>\n<tbody>\n\
         <tr><td>Travel budget</td><td class=\"num\">{ceiling}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
         <td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>{state}<td>{}</td></tr>\n\
         </tbody>\n</table>\n",
        escape(&b.entered),
        money(b.planned, currency),
        money(b.committed, currency),
        money(b.actual, currency),
        money(b.forecast, currency),
        escape(&b.sentence),
    )
}
