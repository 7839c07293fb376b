//! SQL for the quarter plan: `goal`, `target_mix`, `activity_function` and
//! `outcome`, and the quarter view read at one moment.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, params};
use uuid::Uuid;

use super::deleted::{DeletedRows, by_id};
use super::rows::{id_text, opt_uuid, uuid};
use super::{Store, content, events, now, people, submissions, talks};
use crate::domain::deletion::RecordKind;
use crate::domain::money::Currency;
use crate::domain::quarter::Quarter;
use crate::domain::quarter_plan::{
    self, ActivityFunction, ActivityRef, FunctionChoice, Goal, GoalInput, Outcome, OutcomeInput, OutcomeOf,
    QuarterInput, QuarterView, TargetMix, TargetMixInput, report,
};
use crate::domain::{ContentId, EventId, SubmissionId, TalkId};
use crate::{Error, Result};

const GOAL_COLUMNS: &str = "id, quarter, person_id, metric, target, note, created_at, updated_at";
const MIX_COLUMNS: &str = "quarter, person_id, engagement, education, advocacy, outreach, updated_at";
const OUTCOME_COLUMNS: &str = "id, event_id, submission_id, content_id, attendance, rating, views, signups, leads, \
                               feedback_items, notes, recorded_on, created_at, updated_at";

impl Store {
    pub fn goals(&self) -> Result<Vec<Goal>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {GOAL_COLUMNS} FROM goal ORDER BY quarter, person_id IS NOT NULL, person_id, metric"
        ))?;
        let rows = stmt.query_map([], goal_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Saves a goal. Without an id it replaces the goal already set for the same
    /// scope, quarter and metric, as typing a new figure would.
    pub fn save_goal(&mut self, input: &GoalInput) -> Result<Goal> {
        self.write(|tx| {
            let now = now();
            let probe = input.into_goal(Uuid::nil(), now, now)?;
            require_person(tx, probe.person_id)?;
            let existing = match input.id {
                Some(id) => {
                    Some(find_goal(tx, id)?.ok_or_else(|| Error::NotFound { entity: "goal", id: id.to_string() })?)
                }
                None => same_goal(tx, &probe)?,
            };
            let (id, created_at) = existing.as_ref().map_or((Uuid::now_v7(), now), |g| (g.id, g.created_at));
            if let Some(other) = same_goal(tx, &probe)?.filter(|o| o.id != id) {
                return Err(Error::invalid(
                    "metric",
                    format!(
                        "{} already has a goal for {} in {} (id {})",
                        scope_name(tx, probe.person_id)?,
                        probe.metric,
                        probe.quarter,
                        other.id
                    ),
                ));
            }
            let goal = Goal { id, created_at, ..probe };
            put_goal(tx, &goal)?;
            Ok(goal)
        })
    }

    pub fn delete_goal(&mut self, id: Uuid) -> Result<DeletedRows> {
        self.write(|tx| {
            let goal = find_goal(tx, id)?.ok_or_else(|| Error::NotFound { entity: "goal", id: id.to_string() })?;
            let label = format!(
                "{} goal of {} in {}",
                scope_name(tx, goal.person_id)?,
                goal.metric.count_label(goal.target),
                goal.quarter
            );
            DeletedRows::take(tx, RecordKind::Goal, label, "goal", &by_id(id))
        })
    }

    pub fn target_mixes(&self) -> Result<Vec<TargetMix>> {
        mixes(self.conn())
    }

    /// Sets the target mix for a person (or the team) in a quarter.
    pub fn save_target_mix(&mut self, input: &TargetMixInput) -> Result<TargetMix> {
        let mix = input.into_mix(now())?;
        self.write(|tx| {
            require_person(tx, mix.person_id)?;
            put_mix(tx, &mix)?;
            Ok(mix)
        })
    }

    /// Removes a person's own mix (they follow the team's again), or the team's.
    pub fn clear_target_mix(&mut self, quarter: Quarter, person_id: Option<Uuid>) -> Result<bool> {
        self.write(|tx| {
            let n = tx.execute(
                "DELETE FROM target_mix WHERE quarter = ?1 AND coalesce(person_id, '') = coalesce(?2, '')",
                params![quarter, person_id.map(id_text)],
            )?;
            Ok(n > 0)
        })
    }

    pub fn activity_functions(&self) -> Result<Vec<ActivityFunction>> {
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT event_id, talk_id, content_id, function FROM activity_function ORDER BY rowid")?;
        let rows = stmt.query_map([], |r| {
            Ok((opt_uuid(r, "event_id")?, opt_uuid(r, "talk_id")?, opt_uuid(r, "content_id")?, r.get("function")?))
        })?;
        let mut out = vec![];
        for row in rows {
            let (e, t, c, function) = row?;
            out.push(ActivityFunction {
                activity: ActivityRef::from_columns(e.map(EventId), t.map(TalkId), c.map(ContentId))?,
                function,
            });
        }
        Ok(out)
    }

    /// Chooses an activity's function; `None` gives it back its kind's default.
    pub fn set_function(&mut self, choice: &FunctionChoice) -> Result<()> {
        self.write(|tx| {
            require_activity(tx, choice.activity)?;
            put_function(tx, choice)
        })
    }

    pub fn outcomes(&self) -> Result<Vec<Outcome>> {
        let mut stmt =
            self.conn().prepare_cached(&format!("SELECT {OUTCOME_COLUMNS} FROM outcome ORDER BY recorded_on, id"))?;
        let rows = stmt.query_map([], outcome_from_row)?;
        rows.map(|r| r?).collect()
    }

    /// Records what came of an event, a talk or a content item; a second
    /// outcome for the same record replaces the first.
    pub fn save_outcome(&mut self, input: &OutcomeInput) -> Result<Outcome> {
        self.write(|tx| {
            let now = now();
            let probe = input.into_outcome(Uuid::nil(), now, now)?;
            require_outcome_of(tx, probe.of)?;
            let existing = match input.id {
                Some(id) => {
                    let found = find_outcome(tx, id)?
                        .ok_or_else(|| Error::NotFound { entity: "outcome", id: id.to_string() })?;
                    if found.of != probe.of {
                        return Err(Error::invalid("of", "an outcome stays with the record it was recorded for"));
                    }
                    Some(found)
                }
                None => outcome_of(tx, probe.of)?,
            };
            let (id, created_at) = existing.as_ref().map_or((Uuid::now_v7(), now), |o| (o.id, o.created_at));
            let outcome = Outcome { id, created_at, ..probe };
            put_outcome(tx, &outcome)?;
            Ok(outcome)
        })
    }

    pub fn delete_outcome(&mut self, id: Uuid) -> Result<DeletedRows> {
        self.write(|tx| {
            let o = find_outcome(tx, id)?.ok_or_else(|| Error::NotFound { entity: "outcome", id: id.to_string() })?;
            let label = format!("Outcome of {}", outcome_label(tx, o.of)?);
            DeletedRows::take(tx, RecordKind::Outcome, label, "outcome", &by_id(id))
        })
    }

    /// One person's quarter (or the team's), read at one moment.
    pub fn quarter_view(&self, quarter: Quarter, person: Option<Uuid>, today: NaiveDate) -> Result<QuarterView> {
        self.with_quarter(quarter, today, |input| Ok(quarter_plan::compute(input, person)?))
    }

    /// The one-page report: a person's quarter, or the team's with everyone's
    /// weeks beside it, its figures as `locale` writes them. The plan is read once for all of them.
    pub fn quarter_report(
        &self,
        quarter: Quarter,
        person: Option<Uuid>,
        today: NaiveDate,
        locale: &str,
    ) -> Result<String> {
        self.with_quarter(quarter, today, |input| {
            let main = quarter_plan::compute(input, person)?;
            let people = match person {
                Some(_) => vec![],
                None => input
                    .load
                    .people
                    .iter()
                    .map(|p| quarter_plan::compute(input, Some(p.id)))
                    .collect::<Result<_, _>>()?,
            };
            Ok(report::html(&main, &people, today, locale))
        })
    }

    /// Reads what the quarter needs in one transaction and hands it to `f`.
    fn with_quarter<T>(
        &self,
        quarter: Quarter,
        today: NaiveDate,
        f: impl FnOnce(&QuarterInput) -> Result<T>,
    ) -> Result<T> {
        self.read(|s| {
            let records = s.load_records(quarter_plan::horizon(quarter, today))?;
            let (goals, mixes, functions, outcomes) =
                (s.goals()?, s.target_mixes()?, s.activity_functions()?, s.outcomes()?);
            let budgets = s.budgets()?;
            let settings = s.settings()?;
            let currency = Currency::parse("reporting_currency", &settings.reporting_currency)?;
            let budget_rule = settings.budget_quarter;
            let rates = s.rate_table(
                &quarter_plan::rates_needed(quarter, budget_rule, &records.events, &records.trips, &budgets),
                currency,
            )?;
            f(&QuarterInput {
                quarter,
                today,
                load: records.input(),
                goals: &goals,
                mixes: &mixes,
                functions: &functions,
                outcomes: &outcomes,
                budgets: &budgets,
                rates: &rates,
                currency,
                budget_rule,
            })
        })
    }
}

fn require_person(conn: &Connection, person: Option<Uuid>) -> Result<()> {
    if let Some(id) = person
        && people::find(conn, id)?.is_none()
    {
        return Err(Error::invalid("person_id", format!("no person with id {id}")));
    }
    Ok(())
}

fn scope_name(conn: &Connection, person: Option<Uuid>) -> Result<String> {
    Ok(match person {
        None => "The team".to_string(),
        Some(id) => people::require(conn, id)?.name,
    })
}

fn require_activity(conn: &Connection, a: ActivityRef) -> Result<()> {
    let found = match a {
        ActivityRef::Event(id) => events::find(conn, id)?.is_some(),
        ActivityRef::Talk(id) => talks::find(conn, id)?.is_some(),
        ActivityRef::Content(id) => content::find(conn, id)?.is_some(),
    };
    if !found {
        return Err(Error::invalid("activity", format!("no {} with id {}", activity_noun(a), a.id())));
    }
    Ok(())
}

fn activity_noun(a: ActivityRef) -> &'static str {
    match a {
        ActivityRef::Event(_) => "event",
        ActivityRef::Talk(_) => "talk",
        ActivityRef::Content(_) => "content item",
    }
}

fn require_outcome_of(conn: &Connection, of: OutcomeOf) -> Result<()> {
    outcome_label(conn, of).map(drop).map_err(|_| {
        let (noun, id) = match of {
            OutcomeOf::Event(id) => ("event", id),
            OutcomeOf::Submission(id) => ("submission", id),
            OutcomeOf::Content(id) => ("content item", id),
        };
        Error::invalid("of", format!("no {noun} with id {id}"))
    })
}

fn outcome_label(conn: &Connection, of: OutcomeOf) -> Result<String> {
    let missing = |entity: &'static str, id: Uuid| Error::NotFound { entity, id: id.to_string() };
    Ok(match of {
        OutcomeOf::Event(id) => events::find(conn, id)?.ok_or_else(|| missing("event", id))?.name,
        OutcomeOf::Submission(id) => {
            let s = submissions::find(conn, id)?.ok_or_else(|| missing("submission", id))?;
            let talk = talks::find(conn, s.talk_id)?.map(|t| t.title).unwrap_or_default();
            let event = events::find(conn, s.event_id)?.map(|e| e.name).unwrap_or_default();
            format!("{talk} at {event}")
        }
        OutcomeOf::Content(id) => content::find(conn, id)?.ok_or_else(|| missing("content", id))?.title,
    })
}

pub(super) fn put_goal(conn: &Connection, g: &Goal) -> Result<()> {
    conn.prepare_cached(&format!(
        "INSERT INTO goal ({GOAL_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (id) DO UPDATE SET quarter = excluded.quarter, person_id = excluded.person_id,
           metric = excluded.metric, target = excluded.target, note = excluded.note, updated_at = excluded.updated_at"
    ))?
    .execute(params![
        id_text(g.id),
        g.quarter,
        g.person_id.map(id_text),
        g.metric,
        g.target,
        g.note,
        g.created_at,
        g.updated_at
    ])?;
    Ok(())
}

pub(super) fn find_goal(conn: &Connection, id: Uuid) -> Result<Option<Goal>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {GOAL_COLUMNS} FROM goal WHERE id = ?1"))?;
    Ok(stmt.query_row([id_text(id)], goal_from_row).optional()?)
}

pub(super) fn same_goal(conn: &Connection, g: &Goal) -> Result<Option<Goal>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {GOAL_COLUMNS} FROM goal WHERE quarter = ?1 AND coalesce(person_id, '') = coalesce(?2, '') AND metric = ?3"
    ))?;
    Ok(stmt.query_row(params![g.quarter, g.person_id.map(id_text), g.metric], goal_from_row).optional()?)
}

fn goal_from_row(row: &Row) -> rusqlite::Result<Goal> {
    Ok(Goal {
        id: uuid(row, "id")?,
        quarter: row.get("quarter")?,
        person_id: opt_uuid(row, "person_id")?,
        metric: row.get("metric")?,
        target: row.get("target")?,
        note: row.get("note")?,
        created_at: row.get("created_at")?,
        updated_at: row.get("updated_at")?,
    })
}

pub(super) fn put_mix(conn: &Connection, m: &TargetMix) -> Result<()> {
    conn.execute(
        "DELETE FROM target_mix WHERE quarter = ?1 AND coalesce(person_id, '') = coalesce(?2, '')",
        params![m.quarter, m.person_id.map(id_text)],
    )?;
    conn.prepare_cached(&format!("INSERT INTO target_mix ({MIX_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"))?
        .execute(params![
            m.quarter,
            m.person_id.map(id_text),
            m.engagement,
            m.education,
            m.advocacy,
            m.outreach,
            m.updated_at
        ])?;
    Ok(())
}

/// Every target mix, the team's first in each quarter.
pub(super) fn mixes(conn: &Connection) -> Result<Vec<TargetMix>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {MIX_COLUMNS} FROM target_mix ORDER BY quarter, person_id IS NOT NULL, person_id"
    ))?;
    let rows = stmt.query_map([], mix_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn mix_from_row(row: &Row) -> rusqlite::Result<TargetMix> {
    Ok(TargetMix {
        quarter: row.get("quarter")?,
        person_id: opt_uuid(row, "person_id")?,
        engagement: row.get("engagement")?,
        education: row.get("education")?,
        advocacy: row.get("advocacy")?,
        outreach: row.get("outreach")?,
        updated_at: row.get("updated_at")?,
    })
}

pub(super) fn put_function(conn: &Connection, choice: &FunctionChoice) -> Result<()> {
    let (e, t, c) = choice.activity.columns();
    let (e, t, c) = (e.map(id_text), t.map(id_text), c.map(id_text));
    conn.execute(
        "DELETE FROM activity_function WHERE event_id IS ?1 AND talk_id IS ?2 AND content_id IS ?3",
        params![e, t, c],
    )?;
    if let Some(function) = choice.function {
        conn.execute(
            "INSERT INTO activity_function (event_id, talk_id, content_id, function) VALUES (?1, ?2, ?3, ?4)",
            params![e, t, c, function],
        )?;
    }
    Ok(())
}

pub(super) fn put_outcome(conn: &Connection, o: &Outcome) -> Result<()> {
    let (e, s, c) = o.of.columns();
    conn.prepare_cached(&format!(
        "INSERT INTO outcome ({OUTCOME_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
         ON CONFLICT (id) DO UPDATE SET attendance = excluded.attendance, rating = excluded.rating,
           views = excluded.views, signups = excluded.signups, leads = excluded.leads,
           feedback_items = excluded.feedback_items, notes = excluded.notes,
           recorded_on = excluded.recorded_on, updated_at = excluded.updated_at"
    ))?
    .execute(params![
        id_text(o.id),
        e.map(id_text),
        s.map(id_text),
        c.map(id_text),
        o.attendance,
        o.rating,
        o.views,
        o.signups,
        o.leads,
        o.feedback_items,
        o.notes,
        o.recorded_on,
        o.created_at,
        o.updated_at
    ])?;
    Ok(())
}

pub(super) fn find_outcome(conn: &Connection, id: Uuid) -> Result<Option<Outcome>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {OUTCOME_COLUMNS} FROM outcome WHERE id = ?1"))?;
    stmt.query_row([id_text(id)], outcome_from_row).optional()?.transpose()
}

pub(super) fn outcome_of(conn: &Connection, of: OutcomeOf) -> Result<Option<Outcome>> {
    let (e, s, c) = of.columns();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {OUTCOME_COLUMNS} FROM outcome WHERE event_id IS ?1 AND submission_id IS ?2 AND content_id IS ?3"
    ))?;
    stmt.query_row(params![e.map(id_text), s.map(id_text), c.map(id_text)], outcome_from_row).optional()?.transpose()
}

/// The row, or why its three links do not name exactly one record.
fn outcome_from_row(row: &Row) -> rusqlite::Result<Result<Outcome>> {
    let of = OutcomeOf::from_columns(
        opt_uuid(row, "event_id")?.map(EventId),
        opt_uuid(row, "submission_id")?.map(SubmissionId),
        opt_uuid(row, "content_id")?.map(ContentId),
    );
    let of = match of {
        Ok(of) => of,
        Err(e) => return Ok(Err(e.into())),
    };
    Ok(Ok(Outcome {
        id: uuid(row, "id")?,
        of,
        attendance: row.get("attendance")?,
        rating: row.get("rating")?,
        views: row.get("views")?,
        signups: row.get("signups")?,
        leads: row.get("leads")?,
        feedback_items: row.get("feedback_items")?,
        notes: row.get("notes")?,
        recorded_on: row.get("recorded_on")?,
        created_at: row.get("created_at")?,
        updated_at: row.get("updated_at")?,
    }))
}
