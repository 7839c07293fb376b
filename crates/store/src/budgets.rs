//! SQL for `budget`: one travel budget per person (or the team) per quarter.

use rusqlite::{Connection, OptionalExtension, Row, params};
use uuid::Uuid;

use super::deleted::{DeletedRows, by_id};
use super::rows::{id_text, opt_uuid, uuid};
use super::{Store, now, people};
use crate::domain::budget::{Budget, BudgetInput};
use crate::domain::budget_report::{self, BudgetReport};
use crate::domain::cost_export;
use crate::domain::deletion::{self, RecordKind};
use crate::domain::money::Currency;
use crate::domain::quarter::Quarter;
use crate::domain::trip::CostLine;
use crate::{Error, Result};

const COLUMNS: &str = "id, quarter, person_id, amount_minor, currency, alerts, created_at, updated_at";

impl Store {
    pub fn budgets(&self) -> Result<Vec<Budget>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {COLUMNS} FROM budget ORDER BY quarter, person_id IS NOT NULL, person_id"
        ))?;
        let rows = stmt.query_map([], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Saves a budget. Without an id, it replaces the budget already set for the
    /// same person (or the team) and quarter, as setting a figure again would.
    pub fn save_budget(&mut self, input: &BudgetInput) -> Result<Budget> {
        self.write(|tx| {
            let now = now();
            let probe = input.into_budget(Uuid::nil(), now, now)?;
            let existing = match input.id {
                Some(id) => {
                    Some(find(tx, id)?.ok_or_else(|| Error::NotFound { entity: "budget", id: id.to_string() })?)
                }
                None => same_scope(tx, &probe)?,
            };
            if let Some(id) = probe.person_id
                && people::find(tx, id)?.is_none()
            {
                return Err(Error::invalid("person_id", format!("no person with id {id}")));
            }
            let (id, created_at) = existing.as_ref().map_or((Uuid::now_v7(), now), |b| (b.id, b.created_at));
            if let Some(other) = same_scope(tx, &probe)?.filter(|o| o.id != id) {
                return Err(Error::invalid(
                    "quarter",
                    format!("there is already a budget for this person in {} (id {})", other.quarter, other.id),
                ));
            }
            let budget = Budget { id, created_at, ..probe };
            put(tx, &budget)?;
            Ok(budget)
        })
    }

    pub fn delete_budget(&mut self, id: Uuid) -> Result<DeletedRows> {
        self.write(|tx| {
            let budget = find(tx, id)?.ok_or_else(|| Error::NotFound { entity: "budget", id: id.to_string() })?;
            let person = budget.person_id.map(|p| people::require(tx, p)).transpose()?;
            let label = deletion::budget_label(person.as_ref().map(|p| p.name.as_str()), &budget);
            DeletedRows::take(tx, RecordKind::Budget, label, "budget", &by_id(id))
        })
    }

    /// Budget against actual for a quarter in the reporting currency, read at one moment.
    pub fn budget_report(&self, quarter: Quarter) -> Result<BudgetReport> {
        self.read(|s| {
            let (people, trips, budgets) = (s.people()?, s.trips()?, s.budgets()?);
            let settings = s.settings()?;
            let to = Currency::parse("reporting_currency", &settings.reporting_currency)?;
            let rule = settings.budget_quarter;
            let rates = s.rate_table(&budget_report::rates_needed(quarter, rule, &trips, &budgets), to)?;
            Ok(budget_report::report(quarter, rule, to, &people, &trips, &budgets, &rates)?)
        })
    }

    /// Every cost line (or a quarter's, by the team's budget rule) as CSV, converted into the
    /// reporting currency.
    pub fn cost_csv(&self, quarter: Option<Quarter>) -> Result<String> {
        self.read(|s| {
            let settings = s.settings()?;
            let mut trips = s.trips()?;
            for t in &mut trips {
                let costs = std::mem::take(&mut t.costs);
                let counts = |c: &CostLine| quarter.is_none_or(|q| settings.budget_quarter.counts_in(q, t, c));
                t.costs = costs.into_iter().filter(counts).collect();
            }
            let to = Currency::parse("reporting_currency", &settings.reporting_currency)?;
            let needs: Vec<_> = trips.iter().flat_map(|t| &t.costs).map(|c| (c.currency.clone(), c.date)).collect();
            let rates = s.rate_table(&needs, to)?;
            Ok(cost_export::csv(&trips, &s.people()?, &s.events()?, to, &rates)?)
        })
    }
}

fn same_scope(conn: &Connection, b: &Budget) -> Result<Option<Budget>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM budget WHERE quarter = ?1 AND coalesce(person_id, '') = coalesce(?2, '')"
    ))?;
    Ok(stmt.query_row(params![b.quarter, b.person_id.map(id_text)], from_row).optional()?)
}

pub(super) fn find(conn: &Connection, id: Uuid) -> Result<Option<Budget>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM budget WHERE id = ?1"))?;
    Ok(stmt.query_row([id_text(id)], from_row).optional()?)
}

pub(super) fn put(conn: &Connection, b: &Budget) -> Result<()> {
    let alerts: Vec<String> = b.alerts.iter().map(u8::to_string).collect();
    conn.prepare_cached(&format!(
        "INSERT INTO budget ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (id) DO UPDATE SET quarter = excluded.quarter, person_id = excluded.person_id,
           amount_minor = excluded.amount_minor, currency = excluded.currency, alerts = excluded.alerts,
           created_at = excluded.created_at, updated_at = excluded.updated_at"
    ))?
    .execute(params![
        id_text(b.id),
        b.quarter,
        b.person_id.map(id_text),
        b.amount_minor,
        b.currency,
        alerts.join(","),
        b.created_at,
        b.updated_at
    ])?;
    Ok(())
}

fn from_row(r: &Row) -> rusqlite::Result<Budget> {
    let alerts: String = r.get("alerts")?;
    Ok(Budget {
        id: uuid(r, "id")?,
        quarter: r.get("quarter")?,
        person_id: opt_uuid(r, "person_id")?,
        amount_minor: r.get("amount_minor")?,
        currency: r.get("currency")?,
        alerts: alerts.split(',').filter_map(|a| a.parse().ok()).collect(),
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::person;

    fn input(person_id: Option<Uuid>, amount: &str) -> BudgetInput {
        BudgetInput {
            id: None,
            quarter: "2026Q4".into(),
            person_id,
            amount: amount.into(),
            currency: "EUR".into(),
            alerts: vec![50, 80, 100],
        }
    }

    #[test]
    fn setting_a_budget_again_replaces_it() {
        let mut store = Store::open_in_memory().unwrap();
        let maya = store.save_person(&person::sample_input()).unwrap();
        let first = store.save_budget(&input(Some(maya.id), "5000")).unwrap();
        let team = store.save_budget(&input(None, "20000")).unwrap();
        let again = store.save_budget(&input(Some(maya.id), "6000")).unwrap();
        assert_eq!((again.id, again.amount_minor), (first.id, 600_000));
        assert_eq!(store.budgets().unwrap(), vec![team.clone(), again.clone()], "team first, then people");
        let team_again = store.save_budget(&input(None, "25000")).unwrap();
        assert_eq!(team_again.id, team.id, "the team's budget is one too");

        let moved = BudgetInput { id: Some(team.id), person_id: Some(maya.id), ..input(None, "1") };
        let err = store.save_budget(&moved).unwrap_err();
        assert!(err.to_string().starts_with("quarter: there is already a budget"), "{err}");
        assert!(store.save_budget(&input(Some(Uuid::now_v7()), "1")).is_err());
        store.delete_person(maya.id).unwrap();
        assert_eq!(store.budgets().unwrap().len(), 1);
    }
}
