//! SQL for `exchange_rate`: units of a currency per euro on a day.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params};

use super::Store;
use super::deleted::DeletedRows;
use crate::Result;
use crate::domain::deletion::{self, RecordKind};
use crate::domain::ecb_rates::EcbRates;
use crate::domain::exchange_rate::{BASE, ExchangeRate, RateInput, RateSource, RateSummary, RatesImport};
use crate::domain::money::{Currency, Rate, RateTable};

impl Store {
    /// Only the rates that converting `needs` into `to` will look up: for each
    /// currency and day, the nearest rate on or before it.
    pub fn rate_table(&self, needs: &[(String, NaiveDate)], to: Currency) -> Result<RateTable> {
        let base = Currency::parse("currency", BASE)?;
        let mut table = RateTable::new(base);
        let days: BTreeSet<NaiveDate> = needs.iter().map(|(_, d)| *d).collect();
        let wanted = (needs.iter().filter_map(|(c, d)| Currency::parse("currency", c).ok().map(|c| (c, *d))))
            .chain(days.into_iter().map(|d| (to, d)));
        let mut seen = BTreeSet::new();
        for (currency, day) in wanted {
            if currency == base || !seen.insert((currency, day)) {
                continue;
            }
            if let Some((found, rate)) = nearest(self.conn(), currency, day)? {
                table.insert(found, currency, rate);
            }
        }
        Ok(table)
    }

    /// One line per currency: how many days, from when to when, and the latest rate.
    pub fn rate_summaries(&self) -> Result<Vec<RateSummary>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT r.currency, count(*) AS days, min(r.day) AS first_day, max(r.day) AS last_day,
                    (SELECT rate_micro FROM exchange_rate l WHERE l.currency = r.currency ORDER BY day DESC LIMIT 1),
                    (SELECT source FROM exchange_rate l WHERE l.currency = r.currency ORDER BY day DESC LIMIT 1)
             FROM exchange_rate r GROUP BY r.currency ORDER BY r.currency",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(RateSummary {
                currency: r.get(0)?,
                days: r.get(1)?,
                first_day: r.get(2)?,
                last_day: r.get(3)?,
                latest: micro_text(r.get(4)?),
                latest_source: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every stored rate of the given days, for a plan file to carry the rates its costs use.
    pub fn rates_on(&self, wanted: &BTreeSet<(String, NaiveDate)>) -> Result<Vec<ExchangeRate>> {
        let mut out = vec![];
        let mut stmt = self.conn().prepare_cached(
            "SELECT day, rate_micro, source FROM exchange_rate WHERE currency = ?1 AND day <= ?2
             ORDER BY day DESC LIMIT 1",
        )?;
        for (code, day) in wanted {
            let found = stmt
                .query_row(params![code, day], |r| {
                    Ok(ExchangeRate {
                        currency: code.clone(),
                        day: r.get(0)?,
                        rate: micro_text(r.get(1)?),
                        source: r.get(2)?,
                    })
                })
                .optional()?;
            out.extend(found);
        }
        out.sort_by(|a, b| (&a.currency, a.day).cmp(&(&b.currency, b.day)));
        out.dedup();
        Ok(out)
    }

    /// Sets one rate by hand (replacing that day's rate of that currency).
    pub fn save_rate(&mut self, input: &RateInput) -> Result<ExchangeRate> {
        let (currency, day, rate) = input.validate()?;
        self.write(|tx| put(tx, currency, day, rate, RateSource::Manual))?;
        Ok(ExchangeRate { currency: currency.code().into(), day, rate: rate.to_string(), source: RateSource::Manual })
    }

    pub fn delete_rate(&mut self, currency: &str, day: NaiveDate) -> Result<DeletedRows> {
        let code = Currency::parse("currency", currency)?.code().to_string();
        let key = [("currency", Value::Text(code.clone())), ("day", Value::Text(day.to_string()))];
        self.write(|tx| {
            DeletedRows::take(tx, RecordKind::Rate, deletion::rate_label(&code, day), "exchange_rate", &key)
        })
    }

    /// Writes a parsed ECB file in one transaction; its skipped lines come back in the report.
    pub fn import_rates(&mut self, parsed: EcbRates) -> Result<RatesImport> {
        let written = self.write(|tx| {
            let mut written = 0;
            for r in &parsed.rates {
                if put(tx, r.currency, r.day, r.rate, RateSource::Ecb)? {
                    written += 1;
                }
            }
            Ok(written)
        })?;
        let days: BTreeSet<NaiveDate> = parsed.rates.iter().map(|r| r.day).collect();
        let currencies: BTreeSet<&str> = parsed.rates.iter().map(|r| r.currency.code()).collect();
        Ok(RatesImport {
            rates: written,
            days: days.len() as u32,
            currencies: currencies.into_iter().map(str::to_string).collect(),
            first_day: days.first().copied(),
            last_day: days.last().copied(),
            skipped: parsed.skipped,
            skipped_columns: parsed.skipped_columns,
        })
    }
}

/// Writes one rate as a plan file carries it; true when it was new or different.
pub(super) fn put_stored(conn: &Connection, r: &ExchangeRate) -> Result<bool> {
    let (currency, day, rate) =
        RateInput { currency: r.currency.clone(), day: r.day, rate: r.rate.clone() }.validate()?;
    put(conn, currency, day, rate, r.source)
}

/// Upserts one rate; true when it was new or different.
fn put(conn: &Connection, currency: Currency, day: NaiveDate, rate: Rate, source: RateSource) -> Result<bool> {
    let changed = conn
        .prepare_cached(
            "INSERT INTO exchange_rate (currency, day, rate_micro, source) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (currency, day) DO UPDATE SET rate_micro = excluded.rate_micro, source = excluded.source
             WHERE rate_micro != excluded.rate_micro OR source != excluded.source",
        )?
        .execute(params![currency.code(), day, rate.micro(), source])?;
    Ok(changed > 0)
}

fn nearest(conn: &Connection, currency: Currency, day: NaiveDate) -> Result<Option<(NaiveDate, Rate)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT day, rate_micro FROM exchange_rate WHERE currency = ?1 AND day <= ?2 ORDER BY day DESC LIMIT 1",
    )?;
    let found: Option<(NaiveDate, i64)> =
        stmt.query_row(params![currency.code(), day], |r| Ok((r.get(0)?, r.get(1)?))).optional()?;
    Ok(found.and_then(|(d, micro)| Rate::from_micro(micro).map(|r| (d, r))))
}

fn micro_text(micro: i64) -> String {
    Rate::from_micro(micro).map_or_else(|| micro.to_string(), |r| r.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ecb_rates;
    use crate::domain::money::Money;

    const FILE: &str = "Date,USD,JPY,GBP,\n2026-03-04,1.2000,161.50,0.8400,\n2026-03-02,1.0800,160.00,0.8300,\n\
                        2026-03-01,1.0700,159.00,0.83x,\n";

    #[test]
    fn an_ecb_file_imports_once_and_converts_at_the_nearest_earlier_day() {
        let mut store = Store::open_in_memory().unwrap();
        let report = store.import_rates(ecb_rates::parse(FILE.as_bytes()).unwrap()).unwrap();
        assert_eq!((report.rates, report.days), (6, 2));
        assert_eq!(report.skipped.len(), 1, "the line with a bad cell is left out, the rest imports");
        assert_eq!(report.skipped[0].line, 4);
        assert_eq!(report.currencies, vec!["GBP", "JPY", "USD"]);
        let again = store.import_rates(ecb_rates::parse(FILE.as_bytes()).unwrap()).unwrap();
        assert_eq!(again.rates, 0, "the same file again changes nothing");

        let usd = Currency::parse("c", "USD").unwrap();
        let eur = Currency::parse("c", "EUR").unwrap();
        let day: NaiveDate = "2026-03-03".parse().unwrap();
        let table = store.rate_table(&[("USD".into(), day)], eur).unwrap();
        let c = table.convert(Money::parse("a", "108", usd).unwrap(), eur, day).unwrap();
        assert_eq!((c.amount.minor, c.rate_day.to_string()), (10_000, "2026-03-02".to_string()));

        let summaries = store.rate_summaries().unwrap();
        let usd_line = summaries.iter().find(|s| s.currency == "USD").unwrap();
        assert_eq!((usd_line.days, usd_line.latest.as_str(), usd_line.latest_source), (2, "1.2", RateSource::Ecb));
    }

    #[test]
    fn a_typed_rate_overrides_that_day() {
        let mut store = Store::open_in_memory().unwrap();
        store.import_rates(ecb_rates::parse(FILE.as_bytes()).unwrap()).unwrap();
        let day = "2026-03-04".parse().unwrap();
        let saved = store.save_rate(&RateInput { currency: "usd".into(), day, rate: "1.25".into() }).unwrap();
        assert_eq!((saved.currency.as_str(), saved.rate.as_str()), ("USD", "1.25"));
        let summaries = store.rate_summaries().unwrap();
        let usd = summaries.iter().find(|s| s.currency == "USD").unwrap();
        assert_eq!((usd.latest.as_str(), usd.latest_source), ("1.25", RateSource::Manual));
        store.delete_rate("USD", day).unwrap();
        assert_eq!(store.rate_summaries().unwrap().iter().find(|s| s.currency == "USD").unwrap().days, 1);
    }
}
