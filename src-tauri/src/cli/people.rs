//! `people`: the team as the command line prints it.

use std::io::Write;

use super::output::{print_json, table};
use crate::domain::Person;
use crate::store::Store;
use crate::{Error, Result};

/// Prints everyone, as a table or a JSON array.
pub fn list(store: &Store, json: bool, out: &mut dyn Write) -> Result<()> {
    let people = store.people()?;
    if json {
        return print_json(out, &people);
    }
    write!(out, "{}", people_table(&people)).map_err(|e| Error::file("standard output", e))
}

fn people_table(people: &[Person]) -> String {
    let rows = people
        .iter()
        .map(|p| {
            let days = p.working_days.iter().map(|d| d.as_str()).collect::<Vec<_>>().join(" ");
            vec![
                p.name.clone(),
                p.role.clone(),
                p.home_city.clone(),
                p.timezone.clone(),
                format!("{} h", p.capacity_hours),
                days,
            ]
        })
        .collect();
    table(&["NAME", "ROLE", "CITY", "TIME ZONE", "CAPACITY", "WORKING DAYS"], rows)
}
