//! Days a person is away from work: leave, public holidays, days off in lieu.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::Result;
use crate::Valid;
use crate::check;

text_enum!(
    TimeOffKind {
        Vacation = "vacation",
        PublicHoliday = "public_holiday",
        DayInLieu = "day_in_lieu",
        Sick = "sick",
        Other = "other",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TimeOff {
    pub id: Uuid,
    pub person_id: Uuid,
    pub kind: TimeOffKind,
    /// First day away (inclusive).
    pub start_date: NaiveDate,
    /// Last day away (inclusive).
    pub end_date: NaiveDate,
    pub note: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TimeOffInput {
    #[ts(optional)]
    #[serde(default)]
    pub id: Option<Uuid>,
    pub person_id: Uuid,
    pub kind: TimeOffKind,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub note: String,
}

impl TimeOffInput {
    pub fn validate(&self) -> Result<Valid<TimeOffInput>> {
        self.cleaned().map(Valid::checked)
    }

    fn cleaned(&self) -> Result<TimeOffInput> {
        check::date_range(self.start_date, self.end_date)?;
        Ok(TimeOffInput { note: check::text("note", &self.note)?, ..self.clone() })
    }
}

impl TimeOff {
    pub fn input(&self) -> TimeOffInput {
        TimeOffInput {
            id: Some(self.id),
            person_id: self.person_id,
            kind: self.kind,
            start_date: self.start_date,
            end_date: self.end_date,
            note: self.note.clone(),
        }
    }
}

impl Valid<TimeOffInput> {
    /// The stored time off this checked input becomes.
    pub fn into_time_off(self, id: Uuid, created_at: DateTime<Utc>, updated_at: DateTime<Utc>) -> TimeOff {
        let input = self.into_inner();
        TimeOff {
            id,
            person_id: input.person_id,
            kind: input.kind,
            start_date: input.start_date,
            end_date: input.end_date,
            note: input.note,
            created_at,
            updated_at,
        }
    }
}
