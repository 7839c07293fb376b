//! Outcomes (the impact log beside effort and cost) and the counts by kind.

use std::fmt::Write;

use super::format::{count, day_month, decimal_mark, escape, hours, money, or_dash};
use crate::quarter_plan::view::{ImpactRow, QuarterView};

/// Hours per view, and below it per 1,000 views: the first reads as a tiny fraction, the second as effort.
fn per_view(h: f64) -> String {
    let each = if h >= 1.0 { format!("{h:.1}") } else { format!("{h:.4}") };
    let each = format!("{} h", decimal_mark(each));
    format!("{each}<br><span class=\"per-thousand\">{} per 1,000</span>", hours(h * 1000.0))
}

fn figure(n: Option<u32>) -> String {
    or_dash(n, count)
}

pub fn section(view: &QuarterView) -> String {
    let impact = &view.impact;
    let currency = view.currency.as_str();
    let mut out = String::from("<section id=\"outcomes\">\n<h2>Outcomes</h2>\n");
    if impact.rows.is_empty() {
        out.push_str("<p class=\"none\">Nothing done or with an outcome yet this quarter.</p>\n");
    } else {
        if impact.awaiting > 0 {
            let items = if impact.awaiting == 1 { "done item awaits its" } else { "done items await their" };
            let _ = writeln!(out, "<p>{} {items} outcome.</p>", impact.awaiting);
        }
        out.push_str(
            "<table class=\"outcomes\">\n<thead><tr><th>What</th><th>Kind</th><th>Day</th><th class=\"num\">Hours</th>\
             <th class=\"num\">Cost</th><th class=\"num\">Attendance</th><th class=\"num\">Rating</th>\
             <th class=\"num\">Views</th><th class=\"num\">Signups</th><th class=\"num\">Leads</th>\
             <th class=\"num\">Feedback items</th><th class=\"num\">Cost per attendee</th>\
             <th class=\"num\">Hours per view (per 1,000 views)</th></tr></thead>\n<tbody>\n",
        );
        for row in &impact.rows {
            out.push_str(&outcome_row(row, currency));
        }
        let t = &impact.totals;
        let _ = writeln!(
            out,
            "</tbody>\n<tfoot><tr><td colspan=\"3\">Totals (items with an outcome)</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td></tr></tfoot>\n</table>",
            hours(t.hours),
            money(t.cost_minor, currency),
            count(t.attendance),
            or_dash(t.rating, |r| format!("{} mean", decimal_mark(format!("{r:.2}")))),
            count(t.views),
            count(t.signups),
            count(t.leads),
            count(t.feedback_items),
            or_dash(t.cost_per_attendee_minor, |m| money(m, currency)),
            or_dash(t.hours_per_view, per_view),
        );
    }
    if !view.unconverted.is_empty() {
        out.push_str("<p>Left out of costs for want of an exchange rate:</p>\n<ul class=\"unconverted\">\n");
        for line in &view.unconverted {
            let _ = writeln!(out, "<li>{}</li>", escape(line));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
    out
}

/// An item's figures, and its notes on a row of their own below, so that the table fits a portrait page.
fn outcome_row(row: &ImpactRow, currency: &str) -> String {
    let notes = row.outcome.as_ref().map(|o| o.notes.as_str()).filter(|n| !n.is_empty());
    let mut out = format!(
        "<tr{}><td>{}</td><td>{}</td><td class=\"day\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>",
        if notes.is_some() { " class=\"has-notes\"" } else { "" },
        escape(&row.label),
        escape(&row.kind_label),
        day_month(row.day),
        hours(row.hours),
        or_dash(row.cost_minor, |m| money(m, currency)),
    );
    match &row.outcome {
        None => out.push_str("<td colspan=\"8\" class=\"awaiting\">awaiting outcome</td>"),
        Some(o) => {
            let _ = write!(
                out,
                "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
                 <td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>",
                figure(o.attendance),
                or_dash(o.rating, |r| r.to_string()),
                figure(o.views),
                figure(o.signups),
                figure(o.leads),
                figure(o.feedback_items),
                or_dash(row.cost_per_attendee_minor, |m| money(m, currency)),
                or_dash(row.hours_per_view, per_view),
            );
        }
    }
    out.push_str("</tr>\n");
    if let Some(notes) = notes {
        let _ = writeln!(out, "<tr class=\"notes\"><td></td><td colspan=\"12\">{}</td></tr>", escape(notes));
    }
    out
}

pub fn counts(view: &QuarterView) -> String {
    let mut out = String::from("<section id=\"counts\">\n<h2>Counts by kind</h2>\n");
    if view.counts.is_empty() {
        out.push_str("<p class=\"none\">Nothing planned this quarter.</p>\n</section>\n");
        return out;
    }
    out.push_str(
        "<table class=\"counts\">\n<thead><tr><th>Kind</th><th class=\"num\">Planned</th>\
         <th class=\"num\">Confirmed</th><th class=\"num\">Done</th></tr></thead>\n<tbody>\n",
    );
    for c in &view.counts {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            escape(&c.label),
            c.planned,
            c.confirmed,
            c.done,
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
    out
}
