//! The quarter plan's part of a plan file: goals, target mixes, chosen
//! functions and outcomes, checked like the forms check them and merged by id
//! (mixes and functions by what they belong to) inside the import's transaction.

use rusqlite::Connection;

use crate::domain::quarter_plan::{ActivityFunction, ActivityRef, FunctionChoice, Goal, Outcome, OutcomeOf, TargetMix};
use crate::plan_file::Plan;
use crate::plan_file::merge::{Counts, merge};
use crate::quarter_plan::{
    find_goal, find_outcome, outcome_of, put_function, put_goal, put_mix, put_outcome, same_goal,
};
use crate::{Error, Result};
use crate::{content, events, people, submissions, talks};

/// Every goal, mix and outcome through the same rules as the window's forms.
pub(super) fn validated(plan: &Plan) -> Result<(Vec<Goal>, Vec<TargetMix>, Vec<Outcome>)> {
    let goals = (plan.goals.iter().enumerate())
        .map(|(i, g)| {
            let clean = g.input().into_goal(g.id, g.created_at, g.updated_at);
            clean.map_err(|e| Error::from(e).within(&format!("goals[{i}]")))
        })
        .collect::<Result<_>>()?;
    let mixes = (plan.target_mixes.iter().enumerate())
        .map(|(i, m)| {
            m.input().into_mix(m.updated_at).map_err(|e| Error::from(e).within(&format!("target_mixes[{i}]")))
        })
        .collect::<Result<_>>()?;
    let outcomes = (plan.outcomes.iter().enumerate())
        .map(|(i, o)| {
            let clean = o.input().into_outcome(o.id, o.created_at, o.updated_at);
            clean.map_err(|e| Error::from(e).within(&format!("outcomes[{i}]")))
        })
        .collect::<Result<_>>()?;
    Ok((goals, mixes, outcomes))
}

pub(super) struct QuarterCounts {
    pub goals: Counts,
    pub target_mixes: Counts,
    pub functions: Counts,
    pub outcomes: Counts,
}

pub(super) fn merge_quarter(
    tx: &Connection,
    goals: &[Goal],
    mixes: &[TargetMix],
    functions: &[ActivityFunction],
    outcomes: &[Outcome],
) -> Result<QuarterCounts> {
    let mut counts = QuarterCounts {
        goals: Counts::default(),
        target_mixes: Counts::default(),
        functions: Counts::default(),
        outcomes: Counts::default(),
    };
    for (i, g) in goals.iter().enumerate() {
        person(tx, g.person_id, &format!("goals[{i}].person_id"))?;
        // The same goal recorded on both sides under two ids: the later edit wins.
        if let Some(other) = same_goal(tx, g)?.filter(|o| o.id != g.id) {
            if other.updated_at >= g.updated_at {
                counts.goals.unchanged += 1;
                continue;
            }
            tx.execute("DELETE FROM goal WHERE id = ?1", [crate::rows::id_text(other.id)])?;
        }
        let before = find_goal(tx, g.id)?;
        merge(&mut counts.goals, before.as_ref(), g, || put_goal(tx, g))
            .map_err(|e| e.within(&format!("goals[{i}]")))?;
    }
    let mut stored_mixes = crate::quarter_plan::mixes(tx)?;
    for (i, m) in mixes.iter().enumerate() {
        person(tx, m.person_id, &format!("target_mixes[{i}].person_id"))?;
        let before = stored_mixes.iter().find(|s| s.quarter == m.quarter && s.person_id == m.person_id).cloned();
        merge(&mut counts.target_mixes, before.as_ref(), m, || put_mix(tx, m))?;
        stored_mixes.retain(|s| !(s.quarter == m.quarter && s.person_id == m.person_id));
    }
    for (i, f) in functions.iter().enumerate() {
        let exists = match f.activity {
            ActivityRef::Event(id) => events::find(tx, id)?.is_some(),
            ActivityRef::Talk(id) => talks::find(tx, id)?.is_some(),
            ActivityRef::Content(id) => content::find(tx, id)?.is_some(),
        };
        if !exists {
            return Err(Error::invalid(
                format!("functions[{i}].activity"),
                format!("no record with id {} in the file or the database", f.activity.id()),
            ));
        }
        let before = function_of(tx, f.activity)?;
        let choice = FunctionChoice { activity: f.activity, function: Some(f.function) };
        merge(&mut counts.functions, before.as_ref(), f, || put_function(tx, &choice))?;
    }
    for (i, o) in outcomes.iter().enumerate() {
        let exists = match o.of {
            OutcomeOf::Event(id) => events::find(tx, id)?.is_some(),
            OutcomeOf::Submission(id) => submissions::find(tx, id)?.is_some(),
            OutcomeOf::Content(id) => content::find(tx, id)?.is_some(),
        };
        if !exists {
            return Err(Error::invalid(
                format!("outcomes[{i}].of"),
                format!("no record with id {} in the file or the database", o.of.id()),
            ));
        }
        // An outcome for the same record under another id: the later one wins.
        if let Some(other) = outcome_of(tx, o.of)?.filter(|x| x.id != o.id) {
            if other.updated_at >= o.updated_at {
                counts.outcomes.unchanged += 1;
                continue;
            }
            tx.execute("DELETE FROM outcome WHERE id = ?1", [crate::rows::id_text(other.id)])?;
        }
        let before = find_outcome(tx, o.id)?;
        merge(&mut counts.outcomes, before.as_ref(), o, || put_outcome(tx, o))
            .map_err(|e| e.within(&format!("outcomes[{i}]")))?;
    }
    Ok(counts)
}

fn person(tx: &Connection, id: Option<uuid::Uuid>, field: &str) -> Result<()> {
    match id {
        Some(id) if people::find(tx, id)?.is_none() => {
            Err(Error::invalid(field, format!("no person with id {id} in the file or the database")))
        }
        _ => Ok(()),
    }
}

fn function_of(tx: &Connection, a: ActivityRef) -> Result<Option<ActivityFunction>> {
    let (e, t, c) = a.columns();
    let id = |u: Option<uuid::Uuid>| u.map(crate::rows::id_text);
    let found: Option<crate::domain::quarter_plan::DevrelFunction> =
        rusqlite::OptionalExtension::optional(tx.query_row(
            "SELECT function FROM activity_function WHERE event_id IS ?1 AND talk_id IS ?2 AND content_id IS ?3",
            rusqlite::params![id(e), id(t), id(c)],
            |r| r.get(0),
        ))?;
    Ok(found.map(|function| ActivityFunction { activity: a, function }))
}
