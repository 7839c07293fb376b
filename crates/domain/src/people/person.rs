//! A person on the team: where they live, and how much time they have.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::{Error, Result, Valid};
use crate::{check, zone};

text_enum!(
    /// A day of the week, as stored in a person's working days.
    Weekday { Mon = "mon", Tue = "tue", Wed = "wed", Thu = "thu", Fri = "fri", Sat = "sat", Sun = "sun" }
);

impl Weekday {
    /// The weekday a date falls on.
    pub fn of(day: chrono::NaiveDate) -> Weekday {
        use chrono::Datelike;
        Weekday::ALL[day.weekday().num_days_from_monday() as usize]
    }
}

pub const MAX_WEEKLY_HOURS: f64 = 168.0;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Person {
    pub id: Uuid,
    pub name: String,
    /// Job title, free text ("Developer Advocate").
    pub role: String,
    pub home_city: String,
    /// IANA zone of the home city, e.g. `Europe/Berlin`.
    pub timezone: String,
    /// Contracted hours in a full week, before leave and holidays.
    pub capacity_hours: f64,
    /// Days this person normally works, Monday first.
    pub working_days: Vec<Weekday>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What the person form sends: no id for a new person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PersonInput {
    #[ts(optional)]
    #[serde(default)]
    pub id: Option<Uuid>,
    pub name: String,
    pub role: String,
    pub home_city: String,
    pub timezone: String,
    pub capacity_hours: f64,
    pub working_days: Vec<Weekday>,
}

impl PersonInput {
    /// Checks every field and returns the cleaned-up values, or the first fault.
    pub fn validate(&self) -> Result<Valid<PersonInput>> {
        self.cleaned().map(Valid::checked)
    }

    fn cleaned(&self) -> Result<PersonInput> {
        let name = check::name("name", &self.name)?;
        let role = check::line("role", &self.role)?;
        let home_city = check::line("home_city", &self.home_city)?;
        let timezone = zone::parse("timezone", &self.timezone)?.name().to_string();
        if !self.capacity_hours.is_finite() || self.capacity_hours < 0.0 {
            return Err(Error::invalid("capacity_hours", "must be zero or more hours a week"));
        }
        if self.capacity_hours > MAX_WEEKLY_HOURS {
            return Err(Error::invalid("capacity_hours", "a week has only 168 hours"));
        }
        if self.working_days.is_empty() {
            return Err(Error::invalid("working_days", "choose at least one working day"));
        }
        let mut working_days = self.working_days.clone();
        working_days.sort();
        working_days.dedup();
        Ok(PersonInput {
            id: self.id,
            name,
            role,
            home_city,
            timezone,
            capacity_hours: self.capacity_hours,
            working_days,
        })
    }
}

impl Person {
    pub fn input(&self) -> PersonInput {
        PersonInput {
            id: Some(self.id),
            name: self.name.clone(),
            role: self.role.clone(),
            home_city: self.home_city.clone(),
            timezone: self.timezone.clone(),
            capacity_hours: self.capacity_hours,
            working_days: self.working_days.clone(),
        }
    }
}

/// Working days as stored: `mon,tue,wed`.
pub fn days_to_text(days: &[Weekday]) -> String {
    days.iter().map(|d| d.as_str()).collect::<Vec<_>>().join(",")
}

pub fn days_from_text(text: &str) -> std::result::Result<Vec<Weekday>, String> {
    text.split(',').filter(|s| !s.is_empty()).map(str::parse).collect()
}

impl Valid<PersonInput> {
    /// The stored person this checked input becomes.
    pub fn into_person(self, id: Uuid, created_at: DateTime<Utc>, updated_at: DateTime<Utc>) -> Person {
        let input = self.into_inner();
        Person {
            id,
            name: input.name,
            role: input.role,
            home_city: input.home_city,
            timezone: input.timezone,
            capacity_hours: input.capacity_hours,
            working_days: input.working_days,
            created_at,
            updated_at,
        }
    }
}

#[cfg(any(test, feature = "samples"))]
pub fn sample_input() -> PersonInput {
    PersonInput {
        id: None,
        name: "Maya Okafor".into(),
        role: "Developer Advocate".into(),
        home_city: "Berlin".into(),
        timezone: "Europe/Berlin".into(),
        capacity_hours: 40.0,
        working_days: vec![Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field_of(input: PersonInput) -> String {
        match input.validate() {
            Err(Error::Invalid { field, .. }) => field,
            other => panic!("expected an invalid field, got {other:?}"),
        }
    }

    #[test]
    fn a_good_person_validates_and_is_tidied() {
        let mut input = sample_input();
        input.name = "  Maya Okafor ".into();
        input.working_days = vec![Weekday::Fri, Weekday::Mon, Weekday::Mon];
        let clean = input.validate().unwrap();
        assert_eq!(clean.name, "Maya Okafor");
        assert_eq!(clean.working_days, vec![Weekday::Mon, Weekday::Fri]);
    }

    #[test]
    fn each_bad_field_is_named() {
        assert_eq!(field_of(PersonInput { name: " ".into(), ..sample_input() }), "name");
        assert_eq!(field_of(PersonInput { timezone: "Berlin".into(), ..sample_input() }), "timezone");
        assert_eq!(field_of(PersonInput { capacity_hours: -1.0, ..sample_input() }), "capacity_hours");
        assert_eq!(field_of(PersonInput { capacity_hours: f64::NAN, ..sample_input() }), "capacity_hours");
        assert_eq!(field_of(PersonInput { capacity_hours: 169.0, ..sample_input() }), "capacity_hours");
        assert_eq!(field_of(PersonInput { working_days: vec![], ..sample_input() }), "working_days");
    }

    #[test]
    fn working_days_round_trip_as_text() {
        let days = vec![Weekday::Mon, Weekday::Wed, Weekday::Sun];
        assert_eq!(days_to_text(&days), "mon,wed,sun");
        assert_eq!(days_from_text("mon,wed,sun").unwrap(), days);
        assert!(days_from_text("mon,funday").is_err());
    }
}
