//! `events`: the events, soonest first, as the command line prints them.

use std::io::Write;

use super::output::{print_json, table};
use crate::domain::Event;
use crate::store::Store;
use crate::{Error, Result};

/// Prints every event, as a table or a JSON array.
pub fn list(store: &Store, json: bool, out: &mut dyn Write) -> Result<()> {
    let events = store.events()?;
    if json {
        return print_json(out, &events);
    }
    write!(out, "{}", events_table(&events)).map_err(|e| Error::file("standard output", e))
}

fn events_table(events: &[Event]) -> String {
    let rows = events
        .iter()
        .map(|e| {
            let dates = if e.start_date == e.end_date {
                e.start_date.to_string()
            } else {
                format!("{} → {}", e.start_date, e.end_date.format("%m-%d"))
            };
            let place = if e.online { "online".to_string() } else { format!("{}, {}", e.city, e.country) };
            let cfp = match (e.cfp_deadline, &e.cfp_timezone) {
                (Some(d), Some(tz)) => format!("{} {tz}", d.format("%Y-%m-%d %H:%M")),
                (Some(d), None) => format!("{} AoE", d.format("%Y-%m-%d %H:%M")),
                (None, _) => String::new(),
            };
            vec![dates, e.name.clone(), e.kind.to_string(), place, e.status.to_string(), cfp]
        })
        .collect();
    table(&["DATES", "NAME", "KIND", "WHERE", "STATUS", "CFP CLOSES"], rows)
}
