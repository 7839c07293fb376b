//! The travel part of the plan file: trips, budgets and the exchange rates
//! their costs convert at, so that an exported plan reports the same figures.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};
use uuid::Uuid;

use crate::domain::budget::Budget;
use crate::domain::exchange_rate::ExchangeRate;
use crate::domain::quarter::Quarter;
use crate::domain::trip::Trip;
use crate::plan_file::Plan;
use crate::plan_file::merge::{Counts, merge};
use crate::{Error, Result};
use crate::{Store, budgets, people, rates, trips};

impl Store {
    /// Adds the trips and budgets of `person` (or everyone's, and the team's),
    /// and the rates their costs and budgets use.
    pub(super) fn export_travel(&self, plan: &mut Plan, person: Option<Uuid>) -> Result<()> {
        plan.trips = self.trips()?.into_iter().filter(|t| person.is_none_or(|p| t.person_id == p)).collect();
        plan.budgets = self.budgets()?.into_iter().filter(|b| person.is_none() || b.person_id == person).collect();
        let reporting = self.settings()?.reporting_currency;
        let costs = plan.trips.iter().flat_map(|t| &t.costs).map(|c| (c.currency.clone(), c.date));
        let budgets = plan.budgets.iter().map(|b| (b.currency.clone(), b.quarter.first_day()));
        let mut wanted: BTreeSet<(String, NaiveDate)> = costs.chain(budgets).collect();
        let days: BTreeSet<NaiveDate> = wanted.iter().map(|(_, d)| *d).collect();
        wanted.extend(days.into_iter().map(|d| (reporting.clone(), d)));
        plan.rates = self.rates_on(&wanted)?;
        Ok(())
    }
}

/// Trips and budgets checked by the same rules as their forms; errors name the record.
pub(super) fn validated(plan: &Plan) -> Result<(Vec<Trip>, Vec<Budget>)> {
    let trips = (plan.trips.iter().enumerate())
        .map(|(i, t)| {
            t.input()
                .into_trip(t.id, t.created_at, t.updated_at)
                .map_err(|e| Error::from(e).within(&format!("trips[{i}]")))
        })
        .collect::<Result<Vec<_>>>()?;
    let budgets = (plan.budgets.iter().enumerate())
        .map(|(i, b)| {
            b.input()
                .into_budget(b.id, b.created_at, b.updated_at)
                .map_err(|e| Error::from(e).within(&format!("budgets[{i}]")))
        })
        .collect::<Result<Vec<_>>>()?;
    Ok((trips, budgets))
}

/// Merges trips, budgets and rates by id (rates by currency and day) inside the import's transaction.
pub(super) fn merge_travel(
    tx: &Connection,
    trips_in: &[Trip],
    budgets_in: &[Budget],
    rates_in: &[ExchangeRate],
) -> Result<(Counts, Counts, Counts)> {
    let (mut t_counts, mut b_counts, mut r_counts) = (Counts::default(), Counts::default(), Counts::default());
    for (i, t) in trips_in.iter().enumerate() {
        trips::check_links(tx, t).map_err(|e| e.within(&format!("trips[{i}]")))?;
        let before = trips::find(tx, t.id)?;
        merge(&mut t_counts, before.as_ref(), t, || trips::put(tx, t))?;
    }
    for (i, b) in budgets_in.iter().enumerate() {
        if let Some(p) = b.person_id
            && people::find(tx, p)?.is_none()
        {
            return Err(Error::invalid(format!("budgets[{i}].person_id"), format!("no person with id {p}")));
        }
        if let Some(other) = scope_taken(tx, b.quarter, b.person_id, b.id)? {
            return Err(Error::invalid(
                format!("budgets[{i}].quarter"),
                format!("this person already has a budget for {} (id {other})", b.quarter),
            ));
        }
        let before = budgets::find(tx, b.id)?;
        merge(&mut b_counts, before.as_ref(), b, || budgets::put(tx, b))?;
    }
    for (i, r) in rates_in.iter().enumerate() {
        let existed = tx
            .query_row(
                "SELECT 1 FROM exchange_rate WHERE currency = ?1 AND day = ?2",
                params![r.currency.to_ascii_uppercase(), r.day],
                |_| Ok(()),
            )
            .optional()?
            .is_some();
        let changed = rates::put_stored(tx, r).map_err(|e| e.within(&format!("rates[{i}]")))?;
        match (existed, changed) {
            (false, _) => r_counts.added += 1,
            (true, true) => r_counts.updated += 1,
            (true, false) => r_counts.unchanged += 1,
        }
    }
    Ok((t_counts, b_counts, r_counts))
}

fn scope_taken(tx: &Connection, quarter: Quarter, person: Option<Uuid>, id: Uuid) -> Result<Option<String>> {
    Ok(tx
        .query_row(
            "SELECT id FROM budget WHERE quarter = ?1 AND coalesce(person_id, '') = coalesce(?2, '') AND id <> ?3",
            params![quarter, person.map(|p| p.to_string()), id.to_string()],
            |r| r.get(0),
        )
        .optional()?)
}
