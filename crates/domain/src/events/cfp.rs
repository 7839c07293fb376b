//! Calls for papers that are closing: when a deadline really ends, and which
//! ones a team can still answer.

use chrono::{DateTime, Duration, FixedOffset, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use crate::{Event, EventStatus};

/// Anywhere on Earth: UTC−12, the last place on Earth where a date is still today.
pub fn aoe() -> FixedOffset {
    FixedOffset::west_opt(12 * 3600).expect("UTC-12 is a valid offset")
}

/// The instant a deadline given as local date-time in `timezone` (none: AoE) ends.
/// A local time that a DST change skips is read as the hour after.
pub fn closes_at(local: NaiveDateTime, timezone: Option<&str>) -> Option<DateTime<Utc>> {
    match timezone {
        Some(name) => {
            let tz: Tz = name.parse().ok()?;
            tz.from_local_datetime(&local)
                .earliest()
                .or_else(|| tz.from_local_datetime(&local.checked_add_signed(Duration::hours(1))?).earliest())
                .map(|t| t.with_timezone(&Utc))
        }
        None => aoe().from_local_datetime(&local).single().map(|t| t.with_timezone(&Utc)),
    }
}

/// A call for papers in the "closing" list.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CfpClosing {
    pub event_id: Uuid,
    pub event_name: String,
    pub status: EventStatus,
    pub cfp_url: String,
    /// The deadline as the organisers wrote it, local to `timezone`.
    pub deadline: NaiveDateTime,
    /// Zone of `deadline`; absent means Anywhere on Earth (UTC−12).
    pub timezone: Option<String>,
    /// The same moment in UTC.
    pub closes_at: DateTime<Utc>,
    /// Whole hours from `now` until it closes.
    #[ts(type = "number")]
    pub hours_left: i64,
}

/// The event is still at the CFP stage: being considered, or its CFP open.
/// Later statuses (submitted, accepted, rejected, …) have answered it.
pub fn is_answerable(status: EventStatus) -> bool {
    matches!(status, EventStatus::Considering | EventStatus::CfpOpen)
}

/// CFPs the team can still answer (events being considered or with an open CFP)
/// that close between `now` and `days` days later, soonest first.
pub fn closing_within(events: &[Event], now: DateTime<Utc>, days: u32) -> Vec<CfpClosing> {
    // Held at chrono's last instant: a huge `days` means "everything still open".
    let horizon = now.checked_add_signed(Duration::days(i64::from(days))).unwrap_or(DateTime::<Utc>::MAX_UTC);
    let mut out: Vec<CfpClosing> = events
        .iter()
        .filter(|e| is_answerable(e.status))
        .filter_map(|e| {
            let deadline = e.cfp_deadline?;
            let closes_at = closes_at(deadline, e.cfp_timezone.as_deref())?;
            (closes_at > now && closes_at <= horizon).then(|| CfpClosing {
                event_id: e.id,
                event_name: e.name.clone(),
                status: e.status,
                cfp_url: e.cfp_url.clone(),
                deadline,
                timezone: e.cfp_timezone.clone(),
                closes_at,
                hours_left: (closes_at - now).num_hours(),
            })
        })
        .collect();
    out.sort_by_key(|c| c.closes_at);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::EventKind;

    fn local(s: &str) -> NaiveDateTime {
        s.parse().unwrap()
    }

    fn utc(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn a_deadline_without_a_zone_ends_anywhere_on_earth() {
        assert_eq!(closes_at(local("2026-03-01T23:59:00"), None), Some(utc("2026-03-02T11:59:00Z")));
    }

    #[test]
    fn a_zoned_deadline_follows_that_zone_and_its_dst() {
        assert_eq!(closes_at(local("2026-03-01T23:59:00"), Some("Europe/Berlin")), Some(utc("2026-03-01T22:59:00Z")));
        assert_eq!(closes_at(local("2026-07-01T23:59:00"), Some("Europe/Berlin")), Some(utc("2026-07-01T21:59:00Z")));
        // 02:30 does not exist in Berlin on 2026-03-29: it is read as 03:30 CEST.
        assert_eq!(closes_at(local("2026-03-29T02:30:00"), Some("Europe/Berlin")), Some(utc("2026-03-29T01:30:00Z")));
    }

    #[test]
    fn only_answerable_cfps_inside_the_window_are_listed_soonest_first() {
        let now = utc("2026-02-01T12:00:00Z");
        let make = |name: &str, status, deadline: &str, tz: Option<&str>| Event {
            id: Uuid::now_v7(),
            name: name.into(),
            kind: EventKind::Conference,
            start_date: "2026-06-01".parse().unwrap(),
            end_date: "2026-06-02".parse().unwrap(),
            online: true,
            city: String::new(),
            country: String::new(),
            timezone: None,
            url: String::new(),
            status,
            cfp_url: String::new(),
            cfp_deadline: Some(local(deadline)),
            cfp_timezone: tz.map(str::to_string),
            notes: String::new(),
            ratings: Default::default(),
            created_at: now,
            updated_at: now,
        };
        let events = vec![
            make("Later", EventStatus::CfpOpen, "2026-02-20T23:59:00", None),
            make("Sooner", EventStatus::Considering, "2026-02-03T09:00:00", Some("Asia/Tokyo")),
            make("Already submitted", EventStatus::Submitted, "2026-02-05T23:59:00", None),
            make("Closed", EventStatus::CfpOpen, "2026-01-31T23:59:00", None),
            make("Too far", EventStatus::CfpOpen, "2026-04-01T23:59:00", None),
        ];
        let list = closing_within(&events, now, 30);
        let names: Vec<&str> = list.iter().map(|c| c.event_name.as_str()).collect();
        assert_eq!(names, vec!["Sooner", "Later"]);
        assert_eq!(list[0].closes_at, utc("2026-02-03T00:00:00Z"));
        assert_eq!(list[0].hours_left, 36);
        // "Closed" ended at 2026-02-01T11:59Z AoE, a minute before now.
    }
}
