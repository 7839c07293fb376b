//! Whole-plan export and merge-by-id import, each in one read or one transaction.

use std::collections::HashSet;
use std::fmt;

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use uuid::Uuid;

use super::{quarter, travel};
use crate::domain::budget::Budget;
use crate::domain::check;
use crate::domain::quarter_plan::{ActivityFunction, ActivityRef, Goal, Outcome, OutcomeOf, TargetMix};
use crate::domain::trip::Trip;
use crate::domain::{ContentItem, Event, Participation, Person, Submission, Talk, TalkVersion, TimeOff};
use crate::plan_file::Plan;
use crate::{Error, Result};
use crate::{Store, content, events, people, submissions, talks, time_off};

/// How many records of one kind an import added, changed or found identical,
/// and how many it left alone because the plan's own copy was edited later.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct Counts {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Older than the stored record (its `updated_at`): the newer edit wins, as between two devices.
    pub skipped_older: usize,
}

/// What an import (or loading the sample team) did, per kind of record.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct ImportSummary {
    pub people: Counts,
    pub time_off: Counts,
    pub events: Counts,
    pub participations: Counts,
    pub talks: Counts,
    pub talk_versions: Counts,
    pub submissions: Counts,
    pub content: Counts,
    pub trips: Counts,
    pub budgets: Counts,
    pub rates: Counts,
    pub goals: Counts,
    pub target_mixes: Counts,
    pub functions: Counts,
    pub outcomes: Counts,
}

impl fmt::Display for Counts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} new, {} updated, {} unchanged", self.added, self.updated, self.unchanged)?;
        if self.skipped_older > 0 {
            write!(f, ", {} skipped as older", self.skipped_older)?;
        }
        Ok(())
    }
}

impl fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "people:         {}", self.people)?;
        writeln!(f, "time off:       {}", self.time_off)?;
        writeln!(f, "events:         {}", self.events)?;
        writeln!(f, "participations: {}", self.participations)?;
        writeln!(f, "talks:          {}", self.talks)?;
        writeln!(f, "talk versions:  {}", self.talk_versions)?;
        writeln!(f, "submissions:    {}", self.submissions)?;
        writeln!(f, "content:        {}", self.content)?;
        writeln!(f, "trips:          {}", self.trips)?;
        writeln!(f, "budgets:        {}", self.budgets)?;
        writeln!(f, "rates:          {}", self.rates)?;
        writeln!(f, "goals:          {}", self.goals)?;
        writeln!(f, "target mixes:   {}", self.target_mixes)?;
        writeln!(f, "functions:      {}", self.functions)?;
        write!(f, "outcomes:       {}", self.outcomes)?;
        let older = self.skipped_older();
        if older > 0 {
            write!(f, "\n{older} records skipped as older: the plan's copy was edited after the file's, and is kept")?;
        }
        Ok(())
    }
}

impl ImportSummary {
    /// Records the import left alone because the plan's copy is newer.
    pub fn skipped_older(&self) -> usize {
        [
            self.people,
            self.time_off,
            self.events,
            self.participations,
            self.talks,
            self.talk_versions,
            self.submissions,
            self.content,
            self.trips,
            self.budgets,
            self.rates,
            self.goals,
            self.target_mixes,
            self.functions,
            self.outcomes,
        ]
        .iter()
        .map(|c| c.skipped_older)
        .sum()
    }
}

/// When a record was last edited, so that an import never puts an older copy
/// over a newer one; none for records that carry no stamp (a DevRel function choice).
pub(super) trait Edited {
    fn edited_at(&self) -> Option<DateTime<Utc>>;
}

macro_rules! edited_at_updated_at {
    ($($record:ty),*) => {
        $(impl Edited for $record {
            fn edited_at(&self) -> Option<DateTime<Utc>> {
                Some(self.updated_at)
            }
        })*
    };
}

edited_at_updated_at!(
    Person,
    Event,
    TimeOff,
    Participation,
    Talk,
    TalkVersion,
    Submission,
    ContentItem,
    Trip,
    Budget,
    Goal,
    TargetMix,
    Outcome
);

impl Edited for ActivityFunction {
    fn edited_at(&self) -> Option<DateTime<Utc>> {
        None
    }
}

impl Store {
    /// The whole plan, or the part that concerns one person (found by name).
    pub fn export_plan(&self, person: Option<&str>) -> Result<Plan> {
        let Some(name) = person else {
            let mut plan = Plan::new(None);
            plan.people = self.people()?;
            plan.time_off = self.time_off()?;
            plan.events = self.events()?;
            plan.participations = self.participations()?;
            plan.talks = self.talks()?;
            plan.talk_versions = self.talk_versions()?;
            plan.submissions = self.submissions()?;
            plan.content = self.content()?;
            self.export_travel(&mut plan, None)?;
            plan.goals = self.goals()?;
            plan.target_mixes = self.target_mixes()?;
            plan.functions = self.activity_functions()?;
            plan.outcomes = self.outcomes()?;
            return Ok(plan);
        };
        let who = self.person_by_name(name)?;
        let mut plan = Plan::new(Some(who.name.clone()));
        plan.time_off = self.time_off()?.into_iter().filter(|t| t.person_id == who.id).collect();
        plan.participations = self.participations()?.into_iter().filter(|p| p.person_id == who.id).collect();
        // Their submissions and content, with the events and talks those name, so every link resolves on import.
        plan.submissions = self.submissions()?.into_iter().filter(|s| s.speaker_id == who.id).collect();
        plan.content = self.content()?.into_iter().filter(|c| c.owner_id == Some(who.id)).collect();
        self.export_travel(&mut plan, Some(who.id))?;
        let event_ids: HashSet<Uuid> = (plan.participations.iter().map(|p| p.event_id))
            .chain(plan.submissions.iter().map(|s| s.event_id))
            .chain(plan.content.iter().filter_map(|c| c.event_id))
            .chain(plan.trips.iter().flat_map(|t| t.event_ids.iter().copied()))
            .collect();
        plan.events = self.events()?.into_iter().filter(|e| event_ids.contains(&e.id)).collect();
        let version_ids: HashSet<Uuid> = plan.submissions.iter().map(|s| s.version_id).collect();
        plan.talk_versions = self.talk_versions()?.into_iter().filter(|v| version_ids.contains(&v.id)).collect();
        let talk_ids: HashSet<Uuid> =
            (plan.submissions.iter().map(|s| s.talk_id)).chain(plan.content.iter().filter_map(|c| c.talk_id)).collect();
        plan.talks =
            self.talks()?.into_iter().filter(|t| talk_ids.contains(&t.id) || t.owner_id == Some(who.id)).collect();
        // Their goals and mix, and the functions and outcomes of the records the file carries.
        plan.goals = self.goals()?.into_iter().filter(|g| g.person_id == Some(who.id)).collect();
        plan.target_mixes = self.target_mixes()?.into_iter().filter(|m| m.person_id == Some(who.id)).collect();
        let carried = |a: ActivityRef| match a {
            ActivityRef::Event(id) => event_ids.contains(&id),
            ActivityRef::Talk(id) => plan.talks.iter().any(|t| t.id == id),
            ActivityRef::Content(id) => plan.content.iter().any(|c| c.id == id),
        };
        plan.functions = self.activity_functions()?.into_iter().filter(|f| carried(f.activity)).collect();
        let has = |of: OutcomeOf| match of {
            OutcomeOf::Event(id) => event_ids.contains(&id),
            OutcomeOf::Submission(id) => plan.submissions.iter().any(|s| s.id == id),
            OutcomeOf::Content(id) => plan.content.iter().any(|c| c.id == id),
        };
        plan.outcomes = self.outcomes()?.into_iter().filter(|o| has(o.of)).collect();
        plan.people = vec![who];
        Ok(plan)
    }

    /// Merges a plan by id: new records are added, known ones overwritten.
    /// Every record is checked first; one bad record and nothing is written.
    pub fn import_plan(&mut self, plan: &Plan) -> Result<ImportSummary> {
        let plan = validated(plan)?;
        let (trips, budgets) = travel::validated(&plan)?;
        let (goals, mixes, outcomes) = quarter::validated(&plan)?;
        self.write(|tx| {
            let mut summary = ImportSummary::default();
            for p in &plan.people {
                let before = people::find(tx, p.id)?;
                merge(&mut summary.people, before.as_ref(), p, || people::put(tx, p))?;
            }
            for e in &plan.events {
                let before = events::find(tx, e.id)?;
                merge(&mut summary.events, before.as_ref(), e, || events::put(tx, e))?;
            }
            for (i, t) in plan.time_off.iter().enumerate() {
                require_person(tx, t.person_id, &format!("time_off[{i}].person_id"))?;
                let before = time_off::find(tx, t.id)?;
                merge(&mut summary.time_off, before.as_ref(), t, || time_off::put(tx, t))?;
            }
            for (i, p) in plan.participations.iter().enumerate() {
                let at = format!("participations[{i}]");
                require_person(tx, p.person_id, &format!("{at}.person_id"))?;
                if events::find(tx, p.event_id)?.is_none() {
                    return Err(Error::invalid(format!("{at}.event_id"), format!("no event with id {}", p.event_id)));
                }
                if same_role_under_other_id(tx, p)? {
                    // Both sides recorded the same person, event and role: keep ours.
                    summary.participations.unchanged += 1;
                    continue;
                }
                let before = events::find_participation(tx, p.id)?;
                merge(&mut summary.participations, before.as_ref(), p, || events::put_participation(tx, p))?;
            }
            for (i, t) in plan.talks.iter().enumerate() {
                if let Some(owner) = t.owner_id {
                    require_person(tx, owner, &format!("talks[{i}].owner_id"))?;
                }
                let before = talks::find(tx, t.id)?;
                merge(&mut summary.talks, before.as_ref(), t, || talks::put(tx, t))?;
            }
            for (i, v) in plan.talk_versions.iter().enumerate() {
                if talks::find(tx, v.talk_id)?.is_none() {
                    return Err(Error::invalid(
                        format!("talk_versions[{i}].talk_id"),
                        format!("no talk with id {} in the file or the database", v.talk_id),
                    ));
                }
                if let Some(other) = talks::version_numbered(tx, v.talk_id, v.number)?
                    && other != v.id
                {
                    return Err(Error::invalid(
                        format!("talk_versions[{i}].number"),
                        format!("talk {} already has a version {} (id {other})", v.talk_id, v.number),
                    ));
                }
                let before = talks::find_version(tx, v.id)?;
                merge(&mut summary.talk_versions, before.as_ref(), v, || talks::put_version(tx, v))?;
            }
            for (i, s) in plan.submissions.iter().enumerate() {
                let at = format!("submissions[{i}]");
                require_person(tx, s.speaker_id, &format!("{at}.speaker_id"))?;
                if events::find(tx, s.event_id)?.is_none() {
                    return Err(Error::invalid(format!("{at}.event_id"), format!("no event with id {}", s.event_id)));
                }
                match talks::find_version(tx, s.version_id)? {
                    Some(v) if v.talk_id == s.talk_id => {}
                    _ => {
                        return Err(Error::invalid(
                            format!("{at}.version_id"),
                            format!("no version {} of talk {} in the file or the database", s.version_id, s.talk_id),
                        ));
                    }
                }
                if let Some(other) = submissions::same_triple(tx, s.talk_id, s.event_id, s.speaker_id, Some(s.id))? {
                    return Err(Error::invalid(
                        format!("{at}.event_id"),
                        format!("this speaker already submitted this talk to this event (submission {other})"),
                    ));
                }
                let before = submissions::find(tx, s.id)?;
                merge(&mut summary.submissions, before.as_ref(), s, || submissions::put(tx, s))?;
            }
            for (i, c) in plan.content.iter().enumerate() {
                content::check_links(tx, &c.input()).map_err(|e| e.within(&format!("content[{i}]")))?;
                let before = content::find(tx, c.id)?;
                merge(&mut summary.content, before.as_ref(), c, || content::put(tx, c))?;
            }
            (summary.trips, summary.budgets, summary.rates) = travel::merge_travel(tx, &trips, &budgets, &plan.rates)?;
            let q = quarter::merge_quarter(tx, &goals, &mixes, &plan.functions, &outcomes)?;
            (summary.goals, summary.target_mixes, summary.functions, summary.outcomes) =
                (q.goals, q.target_mixes, q.functions, q.outcomes);
            Ok(summary)
        })
    }
}

/// Puts `after` in place of `before` (the stored record with its id), unless
/// they are equal or the stored one was edited later: the newer edit wins.
pub(super) fn merge<T: PartialEq + Edited>(
    counts: &mut Counts,
    before: Option<&T>,
    after: &T,
    put: impl FnOnce() -> Result<()>,
) -> Result<()> {
    match before {
        Some(old) if old == after => counts.unchanged += 1,
        Some(old) if old.edited_at() > after.edited_at() => counts.skipped_older += 1,
        Some(_) => {
            put()?;
            counts.updated += 1;
        }
        None => {
            put()?;
            counts.added += 1;
        }
    }
    Ok(())
}

fn require_person(conn: &Connection, id: Uuid, field: &str) -> Result<()> {
    match people::find(conn, id)? {
        Some(_) => Ok(()),
        None => Err(Error::invalid(field, format!("no person with id {id} in the file or the database"))),
    }
}

fn same_role_under_other_id(conn: &Connection, p: &Participation) -> Result<bool> {
    let n: i64 = conn.query_row(
        "SELECT count(*) FROM participation WHERE event_id = ?1 AND person_id = ?2 AND role = ?3 AND id <> ?4",
        rusqlite::params![p.event_id.to_string(), p.person_id.to_string(), p.role, p.id.to_string()],
        |r| r.get(0),
    )?;
    Ok(n > 0)
}

/// One record per id within a kind; the second of a pair is named.
fn unique_ids(kind: &str, ids: impl Iterator<Item = Uuid>) -> Result<()> {
    let mut seen = HashSet::new();
    for (i, id) in ids.enumerate() {
        if !seen.insert(id) {
            return Err(Error::invalid(format!("{kind}[{i}].id"), format!("id {id} appears twice in the file")));
        }
    }
    Ok(())
}

/// Every record checked by the same rules as the forms, with tidied values;
/// errors name the record (`events[3].end_date`).
fn validated(plan: &Plan) -> Result<Plan> {
    let people = plan
        .people
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let clean = p.input().validate().map_err(|e| e.within(&format!("people[{i}]")))?;
            Ok(clean.into_person(p.id, p.created_at, p.updated_at))
        })
        .collect::<Result<Vec<_>>>()?;
    let events = plan
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let c = e.input(vec![]).validate().map_err(|err| err.within(&format!("events[{i}]")))?;
            Ok(c.into_event(e.id, e.created_at, e.updated_at).0)
        })
        .collect::<Result<Vec<_>>>()?;
    let time_off = plan
        .time_off
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let c = t.input().validate().map_err(|e| e.within(&format!("time_off[{i}]")))?;
            Ok(c.into_time_off(t.id, t.created_at, t.updated_at))
        })
        .collect::<Result<Vec<_>>>()?;
    unique_ids("people", people.iter().map(|p| p.id))?;
    unique_ids("events", events.iter().map(|e| e.id))?;
    unique_ids("time_off", time_off.iter().map(|t| t.id))?;
    unique_ids("participations", plan.participations.iter().map(|p| p.id))?;
    let talks = plan
        .talks
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let c = t.input().validate().map_err(|e| e.within(&format!("talks[{i}]")))?;
            Ok(c.into_talk(t.id, t.created_at, t.updated_at))
        })
        .collect::<Result<Vec<_>>>()?;
    let talk_versions = plan
        .talk_versions
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let at = |f: &str| format!("talk_versions[{i}].{f}");
            let title = check::name(&at("title"), &v.title)?;
            let abstract_text = check::text(&at("abstract"), &v.abstract_text)?;
            if v.number == 0 {
                return Err(Error::invalid(at("number"), "versions are numbered from 1"));
            }
            Ok(TalkVersion { title, abstract_text, ..v.clone() })
        })
        .collect::<Result<Vec<_>>>()?;
    let submissions = plan
        .submissions
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let version = talk_versions.iter().find(|v| v.id == s.version_id);
            let (title, summary) =
                version.map_or(("(stored version)", ""), |v| (v.title.as_str(), v.abstract_text.as_str()));
            let c = s.input(title, summary).validate().map_err(|e| e.within(&format!("submissions[{i}]")))?;
            Ok(Submission { notes: c.notes.clone(), ..s.clone() })
        })
        .collect::<Result<Vec<_>>>()?;
    unique_ids("talks", talks.iter().map(|t| t.id))?;
    unique_ids("talk_versions", talk_versions.iter().map(|v| v.id))?;
    unique_ids("submissions", submissions.iter().map(|s| s.id))?;
    let content = plan
        .content
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let clean = c.input().validate().map_err(|e| e.within(&format!("content[{i}]")))?;
            Ok(clean.into_item(c.id, c.created_at, c.updated_at))
        })
        .collect::<Result<Vec<_>>>()?;
    unique_ids("content", content.iter().map(|c| c.id))?;
    unique_ids("trips", plan.trips.iter().map(|t| t.id))?;
    unique_ids("budgets", plan.budgets.iter().map(|b| b.id))?;
    Ok(Plan {
        people,
        events,
        time_off,
        participations: plan.participations.clone(),
        talks,
        talk_versions,
        submissions,
        content,
        ..plan.clone()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{EventInput, ParticipantInput, ParticipationRole, event, person};

    fn store_with_maya_speaking() -> Store {
        let mut store = Store::open_in_memory().unwrap();
        let maya = store.save_person(&person::sample_input()).unwrap();
        let speaker = ParticipantInput { person_id: maya.id, role: ParticipationRole::Speaker };
        store.save_event(&EventInput { participants: vec![speaker], ..event::sample_input() }).unwrap();
        store.save_event(&EventInput { name: "Unrelated Meetup".into(), ..event::sample_input() }).unwrap();
        store
    }

    #[test]
    fn export_then_import_into_an_empty_store_is_identical() {
        let source = store_with_maya_speaking();
        let plan = source.export_plan(None).unwrap();
        let mut target = Store::open_in_memory().unwrap();
        let summary = target.import_plan(&Plan::parse(&plan.to_json()).unwrap()).unwrap();
        assert_eq!(summary.people, Counts { added: 1, updated: 0, unchanged: 0, skipped_older: 0 });
        assert_eq!(summary.events.added, 2);
        assert_eq!(target.people().unwrap(), source.people().unwrap());
        assert_eq!(target.events().unwrap(), source.events().unwrap());
        assert_eq!(target.participations().unwrap(), source.participations().unwrap());

        let again = target.import_plan(&plan).unwrap();
        assert_eq!(
            again.events,
            Counts { added: 0, updated: 0, unchanged: 2, skipped_older: 0 },
            "re-import merges by id"
        );
    }

    #[test]
    fn an_older_copy_of_a_record_never_replaces_a_newer_edit() {
        let mut store = store_with_maya_speaking();
        let mut plan = store.export_plan(None).unwrap();
        let day = chrono::Duration::days(1);
        // The file's Maya was edited before the plan's; its first event after.
        plan.people[0].name = "Maya (old laptop)".into();
        plan.people[0].updated_at -= day;
        plan.events[0].name = "Renamed later".into();
        plan.events[0].updated_at += day;
        let summary = store.import_plan(&plan).unwrap();
        assert_eq!(summary.people, Counts { added: 0, updated: 0, unchanged: 0, skipped_older: 1 });
        assert_eq!((summary.events.updated, summary.events.skipped_older), (1, 0));
        assert_eq!(summary.skipped_older(), 1);
        assert!(summary.to_string().contains("1 records skipped as older"), "{summary}");
        assert_eq!(store.people().unwrap()[0].name, "Maya Okafor", "the newer edit is kept");
        assert!(store.events().unwrap().iter().any(|e| e.name == "Renamed later"));
    }

    #[test]
    fn a_person_export_holds_only_their_events() {
        let store = store_with_maya_speaking();
        let plan = store.export_plan(Some("Maya Okafor")).unwrap();
        assert_eq!(plan.person.as_deref(), Some("Maya Okafor"));
        assert_eq!(plan.events.len(), 1);
        assert_eq!(plan.events[0].name, "Cloud Native Summit");
    }

    #[test]
    fn one_bad_record_writes_nothing_and_is_named() {
        let source = store_with_maya_speaking();
        let mut plan = source.export_plan(None).unwrap();
        plan.events[1].timezone = Some("Atlantis/Capital".into());
        let mut target = Store::open_in_memory().unwrap();
        let err = target.import_plan(&plan).unwrap_err();
        assert_eq!(err.to_string().split(':').next(), Some("events[1].timezone"));
        assert!(target.people().unwrap().is_empty());
        assert!(target.events().unwrap().is_empty());
    }

    #[test]
    fn a_repeated_id_is_named_by_its_second_place() {
        let source = store_with_maya_speaking();
        let mut plan = source.export_plan(None).unwrap();
        plan.events[1].id = plan.events[0].id;
        let err = Store::open_in_memory().unwrap().import_plan(&plan).unwrap_err();
        assert!(err.to_string().starts_with("events[1].id: "), "{err}");
    }

    #[test]
    fn a_participation_for_a_missing_person_rolls_back() {
        let source = store_with_maya_speaking();
        let mut plan = source.export_plan(None).unwrap();
        plan.people.clear();
        let mut target = Store::open_in_memory().unwrap();
        let err = target.import_plan(&plan).unwrap_err();
        assert!(err.to_string().starts_with("participations[0].person_id"), "{err}");
        assert!(target.events().unwrap().is_empty(), "events written before the fault are rolled back");
    }
}
