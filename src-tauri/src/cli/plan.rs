//! `demo`, `export-plan` and `import-plan`: the whole plan written or read at
//! once, as the command line reports it.

use std::io::Write;
use std::path::Path;

use crate::demo::{self, DemoOptions};
use crate::plan_file::Plan;
use crate::store::Store;
use crate::{Error, Result};

/// Fills the database at `db` with the sample team and says what it wrote.
pub fn demo(store: &mut Store, db: &Path, options: &DemoOptions, out: &mut dyn Write) -> Result<()> {
    let summary = demo::fill(store, options)?;
    writeln!(out, "Sample team written to {}\n{summary}", db.display()).map_err(|e| Error::file("standard output", e))
}

/// Writes the plan (or one person's) to `file` and counts what went in.
pub fn export(store: &Store, person: Option<&str>, file: &Path, out: &mut dyn Write) -> Result<()> {
    let plan = store.export_plan(person)?;
    plan.write(file)?;
    writeln!(
        out,
        "Wrote {}: {} people, {} events, {} participations, {} time off",
        file.display(),
        plan.people.len(),
        plan.events.len(),
        plan.participations.len(),
        plan.time_off.len()
    )
    .map_err(|e| Error::file("standard output", e))
}

/// Merges the plan file at `file` into the store. The file is read before
/// `open` opens the store, so a bad file leaves no new database behind.
pub fn import(open: impl FnOnce() -> Result<Store>, file: &Path, out: &mut dyn Write) -> Result<()> {
    let plan = Plan::read(file)?;
    let summary = open()?.import_plan(&plan)?;
    writeln!(out, "Imported {}\n{summary}", file.display()).map_err(|e| Error::file("standard output", e))
}
