//! An event in the pipeline: from "considering" to "done".

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::{Error, Result, Valid};
use crate::{ParticipationRole, Ratings, bounds, check, zone};

text_enum!(
    EventKind {
        Conference = "conference",
        Meetup = "meetup",
        Workshop = "workshop",
        Hackathon = "hackathon",
        Webinar = "webinar",
        Livestream = "livestream",
        Other = "other",
    }
);

text_enum!(
    /// Where an event stands in the pipeline, in the order it usually moves.
    EventStatus {
        Considering = "considering",
        CfpOpen = "cfp_open",
        Submitted = "submitted",
        Accepted = "accepted",
        Waitlisted = "waitlisted",
        Rejected = "rejected",
        Confirmed = "confirmed",
        Done = "done",
        Cancelled = "cancelled",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Event {
    pub id: Uuid,
    pub name: String,
    pub kind: EventKind,
    /// First day (inclusive), local to the event.
    pub start_date: NaiveDate,
    /// Last day (inclusive), local to the event.
    pub end_date: NaiveDate,
    pub online: bool,
    pub city: String,
    pub country: String,
    /// IANA zone of the venue; may be absent only for online events.
    pub timezone: Option<String>,
    pub url: String,
    pub status: EventStatus,
    pub cfp_url: String,
    /// Local date-time the call for papers closes.
    pub cfp_deadline: Option<NaiveDateTime>,
    /// Zone of `cfp_deadline`; absent means Anywhere on Earth (UTC-12).
    pub cfp_timezone: Option<String>,
    pub notes: String,
    /// The team's ratings for the event score; see `score`.
    #[serde(default)]
    pub ratings: Ratings,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Someone going to the event, as the event form sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ParticipantInput {
    pub person_id: Uuid,
    pub role: ParticipationRole,
}

/// What the event form sends: no id for a new event. `participants` replaces
/// the event's participations in the same transaction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EventInput {
    #[ts(optional)]
    #[serde(default)]
    pub id: Option<Uuid>,
    pub name: String,
    pub kind: EventKind,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub online: bool,
    pub city: String,
    pub country: String,
    pub timezone: Option<String>,
    pub url: String,
    pub status: EventStatus,
    pub cfp_url: String,
    pub cfp_deadline: Option<NaiveDateTime>,
    pub cfp_timezone: Option<String>,
    pub notes: String,
    #[serde(default)]
    pub ratings: Ratings,
    #[serde(default)]
    pub participants: Vec<ParticipantInput>,
}

/// An event longer than this is almost surely a typo in a year.
const MAX_EVENT_DAYS: i64 = 60;

impl EventInput {
    pub fn validate(&self) -> Result<Valid<EventInput>> {
        self.cleaned().map(Valid::checked)
    }

    fn cleaned(&self) -> Result<EventInput> {
        let name = check::name("name", &self.name)?;
        check::date_range(self.start_date, self.end_date)?;
        if (self.end_date - self.start_date).num_days() >= MAX_EVENT_DAYS {
            return Err(Error::invalid(
                "end_date",
                format!("an event of more than {MAX_EVENT_DAYS} days; check the year"),
            ));
        }
        let timezone = match self.timezone.as_deref().map(str::trim) {
            Some(tz) if !tz.is_empty() => Some(zone::parse("timezone", tz)?.name().to_string()),
            _ if self.online => None,
            _ => return Err(Error::invalid("timezone", "choose the venue's time zone, or mark the event online")),
        };
        let cfp_deadline = bounds::opt_moment("cfp_deadline", self.cfp_deadline)?;
        let cfp_timezone = match self.cfp_timezone.as_deref().map(str::trim) {
            Some(tz) if !tz.is_empty() => Some(zone::parse("cfp_timezone", tz)?.name().to_string()),
            _ => None,
        };
        if let Some(deadline) = cfp_deadline
            && deadline.date() > self.end_date
        {
            return Err(Error::invalid("cfp_deadline", "the call for papers closes after the event ends"));
        }
        let mut participants = self.participants.clone();
        participants.sort_by_key(|p| (p.person_id, p.role));
        participants.dedup();
        Ok(EventInput {
            id: self.id,
            name,
            kind: self.kind,
            start_date: self.start_date,
            end_date: self.end_date,
            online: self.online,
            city: check::line("city", &self.city)?,
            country: check::line("country", &self.country)?,
            timezone,
            url: check::url("url", &self.url)?,
            status: self.status,
            cfp_url: check::url("cfp_url", &self.cfp_url)?,
            cfp_deadline: self.cfp_deadline,
            cfp_timezone,
            notes: check::text("notes", &self.notes)?,
            ratings: self.ratings.validate("ratings")?,
            participants,
        })
    }
}

impl Event {
    pub fn input(&self, participants: Vec<ParticipantInput>) -> EventInput {
        EventInput {
            id: Some(self.id),
            name: self.name.clone(),
            kind: self.kind,
            start_date: self.start_date,
            end_date: self.end_date,
            online: self.online,
            city: self.city.clone(),
            country: self.country.clone(),
            timezone: self.timezone.clone(),
            url: self.url.clone(),
            status: self.status,
            cfp_url: self.cfp_url.clone(),
            cfp_deadline: self.cfp_deadline,
            cfp_timezone: self.cfp_timezone.clone(),
            notes: self.notes.clone(),
            ratings: self.ratings,
            participants,
        }
    }
}

impl Valid<EventInput> {
    /// The stored event this checked input becomes, and who goes to it.
    pub fn into_event(
        self,
        id: Uuid,
        created_at: DateTime<Utc>,
        updated_at: DateTime<Utc>,
    ) -> (Event, Vec<ParticipantInput>) {
        let input = self.into_inner();
        let event = Event {
            id,
            name: input.name,
            kind: input.kind,
            start_date: input.start_date,
            end_date: input.end_date,
            online: input.online,
            city: input.city,
            country: input.country,
            timezone: input.timezone,
            url: input.url,
            status: input.status,
            cfp_url: input.cfp_url,
            cfp_deadline: input.cfp_deadline,
            cfp_timezone: input.cfp_timezone,
            notes: input.notes,
            ratings: input.ratings,
            created_at,
            updated_at,
        };
        (event, input.participants)
    }
}

#[cfg(any(test, feature = "samples"))]
pub fn sample_input() -> EventInput {
    let d = |s: &str| s.parse::<NaiveDate>().unwrap();
    EventInput {
        id: None,
        name: "Cloud Native Summit".into(),
        kind: EventKind::Conference,
        start_date: d("2026-03-10"),
        end_date: d("2026-03-12"),
        online: false,
        city: "Amsterdam".into(),
        country: "Netherlands".into(),
        timezone: Some("Europe/Amsterdam".into()),
        url: "https://example.org/summit".into(),
        status: EventStatus::Considering,
        cfp_url: String::new(),
        cfp_deadline: None,
        cfp_timezone: None,
        notes: String::new(),
        ratings: Ratings::default(),
        participants: vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field_of(input: EventInput) -> String {
        match input.validate() {
            Err(Error::Invalid { field, .. }) => field,
            other => panic!("expected an invalid field, got {other:?}"),
        }
    }

    #[test]
    fn a_good_event_validates() {
        assert!(sample_input().validate().is_ok());
    }

    #[test]
    fn each_bad_field_is_named() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(field_of(EventInput { name: "".into(), ..sample_input() }), "name");
        assert_eq!(field_of(EventInput { end_date: d("2026-03-09"), ..sample_input() }), "end_date");
        assert_eq!(field_of(EventInput { end_date: d("2027-03-09"), ..sample_input() }), "end_date");
        assert_eq!(field_of(EventInput { timezone: Some("Europe/Atlantis".into()), ..sample_input() }), "timezone");
        assert_eq!(field_of(EventInput { timezone: None, ..sample_input() }), "timezone");
        assert_eq!(field_of(EventInput { url: "example.org".into(), ..sample_input() }), "url");
        assert_eq!(field_of(EventInput { cfp_timezone: Some("AoE".into()), ..sample_input() }), "cfp_timezone");
        let late = "2026-04-01T23:59:00".parse().ok();
        assert_eq!(field_of(EventInput { cfp_deadline: late, ..sample_input() }), "cfp_deadline");
    }

    #[test]
    fn online_events_need_no_zone() {
        let input = EventInput { online: true, timezone: None, ..sample_input() };
        assert_eq!(input.validate().unwrap().timezone, None);
    }

    #[test]
    fn statuses_parse_from_their_words() {
        assert_eq!("cfp_open".parse::<EventStatus>().unwrap(), EventStatus::CfpOpen);
        let err = "maybe".parse::<EventStatus>().unwrap_err();
        assert!(err.contains("considering"), "{err}");
    }
}
