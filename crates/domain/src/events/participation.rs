//! A person at an event in a role. One person may hold several roles at one event.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

text_enum!(
    ParticipationRole {
        Speaker = "speaker",
        Booth = "booth",
        Organiser = "organiser",
        Attendee = "attendee",
        SponsorHost = "sponsor_host",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Participation {
    pub id: Uuid,
    pub event_id: Uuid,
    pub person_id: Uuid,
    pub role: ParticipationRole,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}
