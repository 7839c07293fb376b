//! A deletion as the user sees it: what kind of record went and the words
//! that name it, for "Trip “Berlin, JSConf” deleted · Undo".

use chrono::NaiveDate;

use super::budget::Budget;
use super::time_off::TimeOff;

text_enum!(
    /// The records the window can delete, and bring back during the session.
    RecordKind {
        Person = "person",
        Event = "event",
        TimeOff = "time_off",
        Talk = "talk",
        Submission = "submission",
        Content = "content",
        Trip = "trip",
        Budget = "budget",
        Rate = "rate",
        Goal = "goal",
        Outcome = "outcome",
    }
);

impl RecordKind {
    /// The kind in words, as errors name it.
    pub fn noun(self) -> &'static str {
        match self {
            RecordKind::TimeOff => "time off",
            RecordKind::Rate => "exchange rate",
            other => other.as_str(),
        }
    }
}

/// `Maya Chen, vacation 2026-05-04 to 2026-05-08` (one day: just the day).
pub fn time_off_label(person: &str, t: &TimeOff) -> String {
    let kind = t.kind.as_str().replace('_', " ");
    format!("{person}, {kind} {}", days(t.start_date, t.end_date))
}

/// `2026Q1, Maya Chen`, or `2026Q1, team` for the team's budget.
pub fn budget_label(person: Option<&str>, b: &Budget) -> String {
    format!("{}, {}", b.quarter, person.unwrap_or("team"))
}

/// `Rust in Production to RustConf`.
pub fn submission_label(talk: &str, event: &str) -> String {
    format!("{talk} to {event}")
}

/// `USD on 2026-03-04`.
pub fn rate_label(currency: &str, day: NaiveDate) -> String {
    format!("{currency} on {day}")
}

fn days(first: NaiveDate, last: NaiveDate) -> String {
    if first == last { first.to_string() } else { format!("{first} to {last}") }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TimeOffKind;

    #[test]
    fn time_off_reads_as_its_person_kind_and_days() {
        let day = |d: &str| d.parse::<NaiveDate>().unwrap();
        let stamp = "2026-01-01T00:00:00Z".parse().unwrap();
        let mut t = TimeOff {
            id: uuid::Uuid::nil(),
            person_id: uuid::Uuid::nil(),
            kind: TimeOffKind::DayInLieu,
            start_date: day("2026-05-04"),
            end_date: day("2026-05-04"),
            note: String::new(),
            created_at: stamp,
            updated_at: stamp,
        };
        assert_eq!(time_off_label("Maya", &t), "Maya, day in lieu 2026-05-04");
        t.end_date = day("2026-05-08");
        assert_eq!(time_off_label("Maya", &t), "Maya, day in lieu 2026-05-04 to 2026-05-08");
    }
}
