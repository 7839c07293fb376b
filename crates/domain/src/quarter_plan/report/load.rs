//! Load levels per week: the quarter's load chart, and a people × weeks grid of levels.

use std::fmt::Write;

use super::format::{day_month, escape, percent};
use super::privacy::{Audience, withheld_note};
use super::{charts, figure};
use crate::load::Level;
use crate::quarter_plan::view::{QuarterView, WeekStrip};

/// `people` are the rows of the grid; a person's report passes none and gets its own row.
/// The team's report shows each person's level and reason, never their load, and the
/// team's hours only when `audience` allows the roll-up.
pub fn section(view: &QuarterView, people: &[QuarterView], audience: Audience) -> String {
    let mut out = String::from("<section id=\"load\">\n<h2>Load levels per week</h2>\n");
    if view.load.is_empty() {
        out.push_str("<p class=\"none\">No weeks to show.</p>\n</section>\n");
        return out;
    }
    let amber = view.load.iter().filter(|w| w.level == Level::Amber).count();
    let red = view.load.iter().filter(|w| w.level == Level::Red).count();
    let _ = writeln!(out, "<p>{} weeks: {amber} amber, {red} red.</p>", view.load.len());
    if audience.shows_team_hours() {
        out.push_str(&figure(
            charts::load(&view.load),
            "Planned hours per week, coloured by the week's load level, against the hours available.",
        ));
    } else {
        out.push_str(&withheld_note());
    }
    out.push_str(&grid(view, people, audience.shows_personal_hours()));
    out.push_str(&reasons(view));
    out.push_str("</section>\n");
    out
}

fn grid(view: &QuarterView, people: &[QuarterView], with_load: bool) -> String {
    let rows: Vec<&QuarterView> = if people.is_empty() { vec![view] } else { people.iter().collect() };
    let mut out = String::from("<table class=\"grid\">\n<thead><tr><th>Who</th>");
    for w in &view.weeks {
        let _ = write!(out, "<th class=\"num\">{}</th>", day_month(*w));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        let _ = write!(out, "<tr><th scope=\"row\">{}</th>", escape(&row.scope_name));
        for w in &view.weeks {
            // Match by week rather than by position, in case a person's strip covers other weeks.
            match row.load.iter().find(|s| s.week == *w) {
                Some(s) => {
                    let load = match s.load_percent {
                        Some(p) if with_load => percent(p),
                        _ if with_load => "—".to_string(),
                        _ => s.level.to_string(),
                    };
                    let _ =
                        write!(out, "<td class=\"level lvl-{}\" title=\"{}\">{load}</td>", s.level, escape(&s.reason));
                }
                None => out.push_str("<td class=\"level\">—</td>"),
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    out.push_str(
        "<p class=\"key\"><span class=\"lvl-green\">green</span> <span class=\"lvl-amber\">amber</span> \
         <span class=\"lvl-red\">red</span>: each cell is the week's level (with the load in a person's own \
         report); hover it for why.</p>\n",
    );
    out
}

/// Why each amber or red week is so, written out because a printed page cannot be hovered.
fn reasons(view: &QuarterView) -> String {
    let at_risk: Vec<_> = view.load.iter().filter(|w| w.level != Level::Green).collect();
    if at_risk.is_empty() {
        return String::new();
    }
    let mut out = String::from("<ul class=\"reasons\">\n");
    for w in at_risk {
        out.push_str(&risk_item(w));
    }
    out.push_str("</ul>\n");
    out
}

/// One week at risk as a list item: its level, its Monday and why.
pub fn risk_item(w: &WeekStrip) -> String {
    format!(
        "<li><span class=\"lvl-{}\">{}</span> week of {}: {}</li>\n",
        w.level,
        w.level,
        day_month(w.week),
        escape(&w.reason)
    )
}
