//! The report's first page: the quarter at a glance (goals, budget, balance,
//! risk), one line each, for the reader who reads nothing else. The sections
//! after it hold the details.

use std::fmt::Write;

use super::format::{escape, hours, money, percent};
use super::privacy::Audience;
use crate::load::Level;
use crate::quarter_plan::view::{BudgetProgress, GoalState, QuarterView};

/// The weeks of risk named on the summary, worst first.
const RISK_WEEKS: usize = 3;

pub fn section(view: &QuarterView, audience: Audience) -> String {
    let mut out = String::from("<section id=\"summary\" class=\"summary\">\n<h2>Summary</h2>\n<div class=\"tiles\">\n");
    out.push_str(&goals(view));
    out.push_str(&budget(view));
    out.push_str(&balance(view, audience));
    out.push_str(&risk(view));
    out.push_str("</div>\n</section>\n");
    out
}

fn goals(view: &QuarterView) -> String {
    let mut out = String::from("<div class=\"tile\" id=\"summary-goals\">\n<h3>Goals</h3>\n");
    if view.goals.is_empty() {
        out.push_str("<p class=\"none\">No goals set for this quarter.</p>\n</div>\n");
        return out;
    }
    let short = view.goals.iter().filter(|g| g.state == GoalState::Short).count();
    let _ = writeln!(out, "<p>{} goals, {short} short of target.</p>\n<ul>", view.goals.len());
    for g in &view.goals {
        let state = match g.state {
            GoalState::Met => "met".to_string(),
            GoalState::OnTrack => "on track".to_string(),
            GoalState::Planned => "planned".to_string(),
            GoalState::Short => format!("short by {}", g.gap),
        };
        let _ = writeln!(
            out,
            "<li><strong>{}</strong>: <span class=\"state-{}\">{state}</span></li>",
            escape(&g.label),
            g.state
        );
    }
    out.push_str("</ul>\n</div>\n");
    out
}

fn budget(view: &QuarterView) -> String {
    let mut out = String::from("<div class=\"tile\" id=\"summary-budget\">\n<h3>Travel budget</h3>\n");
    match &view.budget {
        None => out.push_str("<p class=\"none\">No travel budget set for this quarter.</p>\n"),
        Some(b) => {
            let state = if b.within { "state-met" } else { "state-short" };
            let _ = writeln!(out, "<p class=\"{state}\">{}.</p>", sentence(b, &view.currency));
            let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(&b.rule));
        }
    }
    out.push_str("</div>\n");
    out
}

/// The budget's sentence with amounts as the reader's locale writes them (as the window's quarter does);
/// a budget in another currency says how it was converted, one that could not be keeps the plan's words.
fn sentence(b: &BudgetProgress, currency: &str) -> String {
    let Some(budget) = b.budget_minor else { return escape(&b.sentence) };
    let converted =
        if b.entered.contains(" at ") { format!(" (set as {})", escape(&b.entered)) } else { String::new() };
    let forecast = money(b.forecast, currency);
    if b.within {
        format!("{forecast} forecast, within the budget of {}{converted}", money(budget, currency))
    } else {
        let over = money(b.forecast.saturating_sub(budget), currency);
        format!("{forecast} forecast, {over} over the budget of {}{converted}", money(budget, currency))
    }
}

fn balance(view: &QuarterView, audience: Audience) -> String {
    let b = &view.balance;
    let mut out = String::from("<div class=\"tile\" id=\"summary-balance\">\n<h3>Program balance</h3>\n");
    if b.functions.is_empty() || b.total_hours <= 0.0 {
        out.push_str("<p class=\"none\">Nothing planned yet.</p>\n</div>\n");
        return out;
    }
    let shares: Vec<String> = b
        .functions
        .iter()
        .map(|f| {
            let target = f.target.map_or_else(String::new, |t| format!(" (target {})", percent(f64::from(t))));
            format!("{} {}{target}", f.function.label(), percent(f.percent))
        })
        .collect();
    let of = if audience.shows_team_hours() { format!(" of {}", hours(b.total_hours)) } else { String::new() };
    let _ = writeln!(out, "<p>Shares{of} planned: {}.</p>", shares.join(", "));
    out.push_str("</div>\n");
    out
}

fn risk(view: &QuarterView) -> String {
    let mut out = String::from("<div class=\"tile\" id=\"summary-risk\">\n<h3>Workload risk</h3>\n");
    let amber = view.load.iter().filter(|w| w.level == Level::Amber).count();
    let red = view.load.iter().filter(|w| w.level == Level::Red).count();
    let _ = writeln!(out, "<p>{} weeks: {amber} amber, {red} red.</p>", view.load.len());
    let mut worst: Vec<_> = view.load.iter().filter(|w| w.level != Level::Green).collect();
    worst.sort_by(|a, b| b.level.cmp(&a.level).then(a.week.cmp(&b.week)));
    if !worst.is_empty() {
        out.push_str("<ul>\n");
        for w in worst.iter().take(RISK_WEEKS) {
            out.push_str(&super::load::risk_item(w));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</div>\n");
    out
}
