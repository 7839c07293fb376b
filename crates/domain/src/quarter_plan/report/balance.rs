//! Program balance: each DevRel function's share of the planned hours against the target mix.

use std::fmt::Write;

use super::format::{escape, hours, or_dash, percent};
use super::privacy::{Audience, withheld_note};
use super::{charts, figure};
use crate::quarter_plan::view::QuarterView;

/// The hours column and total only where `audience` may see the team's hours.
pub fn section(view: &QuarterView, audience: Audience) -> String {
    let show_hours = audience.shows_team_hours();
    let balance = &view.balance;
    let has_target = balance.functions.iter().any(|f| f.target.is_some());
    let mut out = String::from("<section id=\"balance\">\n<h2>Program balance</h2>\n");
    let source = if has_target && !balance.mix_source.is_empty() {
        format!("Target mix: {}.", escape(&balance.mix_source))
    } else if has_target {
        "Target mix set.".to_string()
    } else {
        "No target mix set.".to_string()
    };
    if show_hours {
        let _ = writeln!(out, "<p>{} planned in all. {source}</p>", hours(balance.total_hours));
    } else {
        let _ = writeln!(out, "<p>{source}</p>");
        out.push_str(&withheld_note());
    }
    out.push_str(
        "<table class=\"balance\">\n<thead><tr><th>Function</th><th class=\"num\">Hours</th><th class=\"num\">Share</th>\
         <th class=\"num\">Target</th><th class=\"num\">Difference</th></tr></thead>\n<tbody>\n",
    );
    for f in &balance.functions {
        let target = or_dash(f.target, |t| percent(f64::from(t)));
        // Percentage points, signed, so that over and under read at a glance (adding 0 turns -0 into 0).
        let difference = or_dash(f.target, |t| format!("{:+} pts", (f.percent - f64::from(t)).round() + 0.0));
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{target}</td>\
             <td class=\"num\">{difference}</td></tr>",
            f.function.label(),
            if show_hours { hours(f.hours) } else { "—".to_string() },
            percent(f.percent),
        );
    }
    out.push_str("</tbody>\n</table>\n");
    let caption = if has_target {
        "Each function's share of the planned hours beside its target share."
    } else {
        "Each function's share of the planned hours (no target mix set)."
    };
    if !balance.functions.is_empty() {
        out.push_str(&figure(charts::balance(&balance.functions), caption));
    }
    out.push_str("</section>\n");
    out
}
