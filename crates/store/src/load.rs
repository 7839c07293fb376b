//! What the load model reads, gathered in one read transaction, and what-if:
//! the same read after a change that is rolled back.

use super::Store;
use crate::Result;
use crate::domain::load::{self, Horizon, LoadRecords, PersonLoad, WeekChange};
use crate::domain::trip::TripInput;
use crate::domain::{EventInput, SubmissionInput};

/// A change the window is about to save, to be tried first.
#[derive(Debug, Clone, serde::Deserialize, ts_rs::TS)]
#[serde(tag = "kind", content = "input", rename_all = "snake_case")]
pub enum PlanChange {
    Submission(SubmissionInput),
    Event(EventInput),
    Trip(TripInput),
}

impl Store {
    /// The plan's records, with imported busy time laid out over `horizon`.
    pub fn load_records(&self, horizon: Horizon) -> Result<LoadRecords> {
        self.read(|s| {
            let records = s.plan_records()?;
            Ok(LoadRecords { busy: s.busy_blocks(horizon, &records.people)?, ..records })
        })
    }

    /// The plan's records without busy time, which only the load reads.
    pub fn plan_records(&self) -> Result<LoadRecords> {
        self.read(|s| {
            let (team_thresholds, person_thresholds) = s.thresholds()?;
            Ok(LoadRecords {
                people: s.people()?,
                time_off: s.time_off()?,
                events: s.events()?,
                participations: s.participations()?,
                talks: s.talks()?,
                versions: s.talk_versions()?,
                submissions: s.submissions()?,
                content: s.content()?,
                trips: s.trips()?,
                busy: Vec::new(),
                team_thresholds,
                person_thresholds,
            })
        })
    }

    /// Everyone's weeks over `horizon`.
    pub fn load(&self, horizon: Horizon) -> Result<Vec<PersonLoad>> {
        Ok(load::compute(&self.load_records(horizon)?.input(), horizon))
    }

    /// The weeks `change` would alter, before and after, with nothing saved. A
    /// change that would not save fails as saving it would.
    pub fn what_if(&mut self, change: &PlanChange, horizon: Horizon) -> Result<Vec<WeekChange>> {
        let before = self.load(horizon)?;
        let after = self.rehearse(|s| {
            match change {
                PlanChange::Submission(input) => s.save_submission(input).map(drop)?,
                PlanChange::Event(input) => s.save_event(input).map(drop)?,
                PlanChange::Trip(input) => s.save_trip(input).map(drop)?,
            }
            s.load(horizon)
        })?;
        Ok(load::changes(&before, &after))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::{self, DemoOptions};
    use crate::domain::SubmissionStatus;
    use crate::domain::load::ThresholdValues;

    #[test]
    fn what_if_shows_the_change_and_saves_nothing() {
        let mut store = Store::open_in_memory().unwrap();
        let today = "2026-11-21".parse().unwrap();
        demo::fill(&mut store, &DemoOptions::for_today(today)).unwrap();
        let horizon = Horizon::around(today, 12, 40);
        let before = store.load_records(horizon).unwrap();
        // A submission still waiting for an answer, accepted in the what-if.
        let waiting = before
            .submissions
            .iter()
            .find(|s| {
                matches!(s.status, SubmissionStatus::Draft | SubmissionStatus::Submitted)
                    && before.events.iter().any(|e| e.id == s.event_id && e.start_date > today)
            })
            .expect("the demo has a submission awaiting an answer");
        let version = before.versions.iter().find(|v| v.id == waiting.version_id).unwrap();
        let mut input = waiting.input(&version.title, &version.abstract_text);
        input.status = SubmissionStatus::Accepted;
        let changes = store.what_if(&PlanChange::Submission(input), horizon).unwrap();
        assert!(!changes.is_empty(), "accepting a talk adds its preparation and the event");
        assert!(changes.iter().all(|c| c.person_id == waiting.speaker_id));
        assert!(changes.iter().any(|c| c.after.planned_hours > c.before.planned_hours));
        let after = store.load_records(horizon).unwrap();
        assert_eq!(after.submissions, before.submissions, "nothing was saved");
        assert_eq!(after.participations, before.participations);
        assert_eq!(after.events, before.events);
        // And the connection still writes normally afterwards.
        store.save_thresholds(None, &ThresholdValues::new()).unwrap();
    }
}
