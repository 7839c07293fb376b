//! The impact log beside effort and cost: each done item with its outcome (or
//! waiting for one), cost per attendee and hours per view.

use std::collections::HashMap;

use super::balance::words;
use super::items::Items;
use super::outcome::{Outcome, OutcomeOf};
use super::view::{Impact, ImpactRow, ImpactTotals, RecordRef, Stage};
use crate::Result;
use crate::bounds;
use crate::deletion::RecordKind;
use crate::load::tenths;

pub fn impact(items: &Items, outcomes: &[Outcome]) -> Result<Impact> {
    let by_of: HashMap<OutcomeOf, &Outcome> = outcomes.iter().map(|o| (o.of, o)).collect();
    let mut rows = Vec::new();
    let mut row = |of: OutcomeOf,
                   opens: RecordRef,
                   label: String,
                   kind_label: String,
                   day,
                   done: bool,
                   hours: f64,
                   cost_minor: Option<i64>| {
        let outcome = by_of.get(&of).map(|o| (*o).clone());
        if !done && outcome.is_none() {
            return;
        }
        let attendance = outcome.as_ref().and_then(|o| o.attendance).filter(|n| *n > 0);
        let views = outcome.as_ref().and_then(|o| o.views).filter(|n| *n > 0);
        rows.push(ImpactRow {
            of,
            opens,
            label,
            kind_label,
            day,
            done,
            hours: tenths(hours),
            cost_minor,
            cost_per_attendee_minor: cost_minor.zip(attendance).map(|(c, n)| c / i64::from(n)),
            hours_per_view: views.map(|v| hours / f64::from(v)),
            outcome,
        });
    };
    for e in items.events.iter().filter(|e| e.starts_in && !e.people.is_empty()) {
        row(
            OutcomeOf::Event(e.event.id),
            RecordRef { kind: RecordKind::Event, id: e.event.id },
            e.event.name.clone(),
            words(e.event.kind.as_str()),
            e.event.end_date,
            e.stage == Stage::Done,
            e.hours,
            e.cost_minor,
        );
    }
    for t in &items.talks {
        row(
            OutcomeOf::Submission(t.submission.id),
            RecordRef { kind: RecordKind::Submission, id: t.submission.id },
            format!("{} at {}", t.talk.title, t.event.name),
            words(t.talk.format.as_str()),
            t.event.start_date,
            t.stage == Stage::Done,
            t.prep_hours + f64::from(t.talk.duration_minutes) / 60.0,
            None,
        );
    }
    for c in &items.content {
        row(
            OutcomeOf::Content(c.item.id),
            RecordRef { kind: RecordKind::Content, id: c.item.id },
            c.item.title.clone(),
            words(c.item.kind.as_str()),
            c.day,
            c.stage == Stage::Done,
            c.item.effort_hours,
            None,
        );
    }
    rows.sort_by_key(|r| (r.day, r.label.clone()));
    let awaiting = rows.iter().filter(|r| r.done && r.outcome.is_none()).count() as u32;
    Ok(Impact { totals: totals(&rows)?, rows, awaiting })
}

/// Counts are u64: 21 outcomes of 10^9 (the most one may hold) would overflow a u32.
fn totals(rows: &[ImpactRow]) -> Result<ImpactTotals> {
    let mut t = ImpactTotals::default();
    let mut ratings = Vec::new();
    // Cost per attendee over the events that recorded both; hours per view over the items with views.
    let (mut costed, mut costed_people, mut viewed_hours) = (0i64, 0i64, 0.0);
    for r in rows {
        let Some(o) = &r.outcome else { continue };
        let count = |n: Option<u32>| u64::from(n.unwrap_or(0));
        t.attendance += count(o.attendance);
        t.views += count(o.views);
        t.signups += count(o.signups);
        t.leads += count(o.leads);
        t.feedback_items += count(o.feedback_items);
        t.hours += r.hours;
        t.cost_minor = bounds::sum("cost", [t.cost_minor, r.cost_minor.unwrap_or(0)])?;
        ratings.extend(o.rating);
        if let (Some(c), Some(n)) = (r.cost_minor, o.attendance.filter(|n| *n > 0)) {
            costed = bounds::sum("cost", [costed, c])?;
            costed_people += i64::from(n);
        }
        if o.views.is_some_and(|v| v > 0) {
            viewed_hours += r.hours;
        }
    }
    t.hours = tenths(t.hours);
    t.rating =
        (!ratings.is_empty()).then(|| (ratings.iter().sum::<f64>() / ratings.len() as f64 * 100.0).round() / 100.0);
    t.cost_per_attendee_minor = (costed_people > 0).then(|| costed / costed_people);
    t.hours_per_view = (t.views > 0).then(|| viewed_hours / t.views as f64);
    Ok(t)
}

#[cfg(test)]
mod tests {
    use chrono::Utc;
    use uuid::Uuid;

    use super::*;

    /// A done event with an outcome of `attendance` people.
    fn row(attendance: u32) -> ImpactRow {
        let id = Uuid::now_v7();
        let now = Utc::now();
        let of = OutcomeOf::Event(id);
        let outcome = Outcome {
            id: Uuid::now_v7(),
            of,
            attendance: Some(attendance),
            rating: None,
            views: Some(attendance),
            signups: Some(attendance),
            leads: Some(attendance),
            feedback_items: Some(attendance),
            notes: String::new(),
            recorded_on: "2026-03-02".parse().unwrap(),
            created_at: now,
            updated_at: now,
        };
        ImpactRow {
            of,
            opens: RecordRef { kind: RecordKind::Event, id },
            label: "Summit".into(),
            kind_label: "conference".into(),
            day: "2026-03-01".parse().unwrap(),
            done: true,
            hours: 8.0,
            cost_minor: Some(100_000),
            outcome: Some(outcome),
            cost_per_attendee_minor: None,
            hours_per_view: None,
        }
    }

    #[test]
    fn twenty_one_outcomes_at_the_most_a_count_holds_add_up() {
        // 10^9 is the most one outcome may record; 21 of them pass u32::MAX five times over.
        let rows: Vec<ImpactRow> = (0..21).map(|_| row(1_000_000_000)).collect();
        let t = totals(&rows).unwrap();
        let expected = 21_000_000_000_u64;
        assert_eq!(
            (t.attendance, t.views, t.signups, t.leads, t.feedback_items),
            (expected, expected, expected, expected, expected)
        );
        assert_eq!(t.cost_minor, 2_100_000);
        assert_eq!(t.cost_per_attendee_minor, Some(0));
    }

    #[test]
    fn costs_too_large_to_add_are_an_error() {
        let mut rows = vec![row(10), row(10)];
        rows[0].cost_minor = Some(i64::MAX);
        assert!(matches!(totals(&rows), Err(crate::Error::Invalid { .. })));
    }
}
