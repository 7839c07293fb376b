//! Where each kind of item stands, as goals count it: planned, confirmed, done.

use chrono::NaiveDate;

use super::view::Stage;
use crate::trip::{Trip, TripStatus};
use crate::{ContentItem, ContentStatus, Event, EventStatus, SubmissionStatus};

/// Planned while in the pipeline; confirmed once accepted; done when marked done
/// or, confirmed, once its last day has passed.
pub fn event(e: &Event, today: NaiveDate) -> Stage {
    match e.status {
        EventStatus::Rejected | EventStatus::Cancelled => Stage::Dropped,
        EventStatus::Done => Stage::Done,
        EventStatus::Accepted | EventStatus::Confirmed if e.end_date < today => Stage::Done,
        EventStatus::Accepted | EventStatus::Confirmed => Stage::Confirmed,
        _ => Stage::Planned,
    }
}

/// A talk to give: drafted or submitted is planned, accepted is confirmed,
/// given (the event done or past) is done. A dropped event drops its talks.
pub fn talk(status: SubmissionStatus, event: &Event, today: NaiveDate) -> Stage {
    let at = self::event(event, today);
    match status {
        SubmissionStatus::Rejected | SubmissionStatus::Withdrawn => Stage::Dropped,
        _ if at == Stage::Dropped => Stage::Dropped,
        s if s.is_accepted() && (event.status == EventStatus::Done || event.end_date < today) => Stage::Done,
        s if s.is_accepted() => Stage::Confirmed,
        _ => Stage::Planned,
    }
}

/// Content: scheduled is confirmed, published is done, dropped is dropped.
pub fn content(c: &ContentItem) -> Stage {
    match c.status {
        ContentStatus::Dropped => Stage::Dropped,
        ContentStatus::Published => Stage::Done,
        ContentStatus::Scheduled => Stage::Confirmed,
        _ => Stage::Planned,
    }
}

pub fn trip(t: &Trip, last_day: Option<NaiveDate>, today: NaiveDate) -> Stage {
    match t.status {
        TripStatus::Cancelled => Stage::Dropped,
        TripStatus::Confirmed if last_day.is_some_and(|d| d < today) => Stage::Done,
        TripStatus::Confirmed => Stage::Confirmed,
        TripStatus::Planned => Stage::Planned,
    }
}

/// The day a content item lands in a quarter: its publish day, else its draft due day.
pub fn content_day(c: &ContentItem) -> Option<NaiveDate> {
    c.publish_at.map(|p| p.date()).or(c.due_on)
}
