//! CFP reminders: which notifications are due now, given the deadlines, the
//! chosen lead times (7 and 1 days by default) and what was already sent.

use std::collections::HashSet;

use chrono::{DateTime, Duration, Utc};
use uuid::Uuid;

use crate::Event;
use crate::cfp::{self, CfpClosing};

/// One reminder that was sent: the deadline as an instant, so that a moved
/// deadline gets its reminders again while an unchanged one never does.
pub type SentKey = (Uuid, DateTime<Utc>, u16);

#[derive(Debug, Clone, PartialEq)]
pub struct DueReminder {
    pub cfp: CfpClosing,
    /// The lead time this notification stands for (the nearest one passed).
    pub days_before: u16,
    /// Every lead time to record as sent: the one shown and any earlier one
    /// missed while the app was closed, which would be stale now.
    pub marks: Vec<SentKey>,
}

impl DueReminder {
    pub fn title(&self) -> String {
        format!("CFP closing: {}", self.cfp.event_name)
    }

    pub fn body(&self) -> String {
        let zone = self.cfp.timezone.as_deref().unwrap_or("AoE");
        let left = self.cfp.hours_left;
        let within = if left < 48 { format!("{left} h") } else { format!("{} days", left / 24) };
        format!("The call for papers closes {} {zone}, in {within}.", self.cfp.deadline.format("%a %-d %b %H:%M"))
    }
}

/// Reminders to show at `now`: at most one per deadline, for lead times in
/// `days` that have passed and were not sent. Only for CFPs still open.
pub fn due(events: &[Event], now: DateTime<Utc>, days: &[u16], sent: &HashSet<SentKey>) -> Vec<DueReminder> {
    let Some(&furthest) = days.iter().max() else { return vec![] };
    cfp::closing_within(events, now, u32::from(furthest))
        .into_iter()
        .filter_map(|c| {
            let passed: Vec<u16> =
                days.iter().copied().filter(|d| now >= c.closes_at - Duration::days(i64::from(*d))).collect();
            let nearest = *passed.iter().min()?;
            let key = |d: u16| (c.event_id, c.closes_at, d);
            if sent.contains(&key(nearest)) {
                return None;
            }
            let marks = passed.iter().map(|d| key(*d)).filter(|k| !sent.contains(k)).collect();
            Some(DueReminder { cfp: c, days_before: nearest, marks })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{EventKind, EventStatus};

    fn event(deadline: &str) -> Event {
        let now = Utc::now();
        Event {
            id: Uuid::now_v7(),
            name: "RustConf".into(),
            kind: EventKind::Conference,
            start_date: "2026-09-01".parse().unwrap(),
            end_date: "2026-09-02".parse().unwrap(),
            online: true,
            city: String::new(),
            country: String::new(),
            timezone: None,
            url: String::new(),
            status: EventStatus::CfpOpen,
            cfp_url: String::new(),
            cfp_deadline: deadline.parse().ok(),
            cfp_timezone: Some("UTC".into()),
            notes: String::new(),
            ratings: Default::default(),
            created_at: now,
            updated_at: now,
        }
    }

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    /// Runs the reminder loop at each instant, recording what it sends.
    fn run(events: &[Event], instants: &[&str], days: &[u16]) -> Vec<(String, u16)> {
        let mut sent = HashSet::new();
        let mut shown = vec![];
        for now in instants {
            for r in due(events, at(now), days, &sent) {
                sent.extend(r.marks.iter().copied());
                shown.push((now.to_string(), r.days_before));
            }
        }
        shown
    }

    #[test]
    fn fires_at_seven_and_one_days_and_never_twice() {
        let events = [event("2026-03-10T23:59:00")];
        let ticks = [
            "2026-03-03T23:58:00Z", // just under 7 days before: nothing yet
            "2026-03-03T23:59:00Z", // exactly 7 days before
            "2026-03-04T00:00:00Z",
            "2026-03-09T23:59:00Z", // exactly 1 day before
            "2026-03-10T12:00:00Z",
            "2026-03-11T00:00:00Z", // closed
        ];
        assert_eq!(
            run(&events, &ticks, &[7, 1]),
            vec![("2026-03-03T23:59:00Z".to_string(), 7), ("2026-03-09T23:59:00Z".to_string(), 1)]
        );
    }

    #[test]
    fn an_app_opened_late_shows_only_the_nearest_reminder() {
        let events = [event("2026-03-10T23:59:00")];
        assert_eq!(
            run(&events, &["2026-03-10T06:00:00Z", "2026-03-10T07:00:00Z"], &[7, 1]),
            vec![("2026-03-10T06:00:00Z".to_string(), 1)]
        );
    }

    #[test]
    fn a_moved_deadline_is_reminded_again() {
        let mut events = [event("2026-03-10T23:59:00")];
        let mut sent = HashSet::new();
        for r in due(&events, at("2026-03-04T00:00:00Z"), &[7], &sent) {
            sent.extend(r.marks);
        }
        assert!(due(&events, at("2026-03-05T00:00:00Z"), &[7], &sent).is_empty());
        events[0].cfp_deadline = "2026-03-11T23:59:00".parse().ok();
        assert_eq!(due(&events, at("2026-03-05T00:00:00Z"), &[7], &sent).len(), 1);
    }

    #[test]
    fn no_lead_times_means_no_reminders() {
        assert!(due(&[event("2026-03-10T23:59:00")], at("2026-03-10T00:00:00Z"), &[], &HashSet::new()).is_empty());
    }

    #[test]
    fn the_text_says_when_in_the_deadlines_zone() {
        let r = &due(&[event("2026-03-10T23:59:00")], at("2026-03-10T00:59:00Z"), &[1], &HashSet::new())[0];
        assert_eq!(r.title(), "CFP closing: RustConf");
        assert_eq!(r.body(), "The call for papers closes Tue 10 Mar 23:59 UTC, in 23 h.");
    }
}
