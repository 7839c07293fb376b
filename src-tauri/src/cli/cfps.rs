//! `cfps`: the calls for papers closing soon, as the command line prints them.

use std::io::Write;

use chrono::{DateTime, Utc};

use super::output::{print_json, table};
use crate::domain::cfp::{self, CfpClosing};
use crate::store::Store;
use crate::{Error, Result};

/// Prints the CFPs closing within `days` of `now`, as a table or a JSON array.
pub fn closing(store: &Store, now: DateTime<Utc>, days: u32, json: bool, out: &mut dyn Write) -> Result<()> {
    let closing = cfp::closing_within(&store.events()?, now, days);
    if json {
        return print_json(out, &closing);
    }
    write!(out, "{}", cfps_table(&closing)).map_err(|e| Error::file("standard output", e))
}

fn cfps_table(closing: &[CfpClosing]) -> String {
    let rows = closing
        .iter()
        .map(|c| {
            let zone = c.timezone.clone().unwrap_or_else(|| "AoE".to_string());
            let left = format!("{} d {} h", c.hours_left / 24, c.hours_left % 24);
            vec![
                format!("{} {zone}", c.deadline.format("%Y-%m-%d %H:%M")),
                left,
                c.event_name.clone(),
                c.status.to_string(),
            ]
        })
        .collect();
    table(&["CLOSES", "LEFT", "EVENT", "STATUS"], rows)
}
