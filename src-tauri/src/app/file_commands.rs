//! The commands that read or write files the person chooses. None takes a
//! path: each opens its native dialog from here (or takes the token of a file
//! the person dropped or picked in this session), so a page that is not
//! what it should be can never name a file. Underneath they call the same
//! functions as the command line, which takes paths from the user's shell.

use std::path::PathBuf;

use serde::Serialize;
use tauri::State;
use tauri::ipc::Channel;
use ts_rs::TS;
use uuid::Uuid;

use super::chooser::{self, Ask, Dialogs, Filter, Picked, then};
use super::chosen_files::{ChosenFile, ChosenFiles};
use super::commands::{CalendarExport, CalendarProgress};
use super::written_files::{WrittenFiles, WrittenKind};
use super::{Db, DeletedShelf, ReminderClock};
use crate::disk::backups::{self, BackupList};
use crate::disk::calendar_files;
use crate::disk::report_file;
use crate::domain::catalog::ImportProgress;
use crate::domain::ecb_rates;
use crate::domain::exchange_rate::RatesImport;
use crate::domain::holidays::{self, HolidayImport};
use crate::domain::ics::import::CalendarImport;
use crate::domain::quarter::Quarter;
use crate::store::{BackupCopy, CatalogImport, Restored};
use crate::{Error, Result, files};

const ICS: Filter = ("iCalendar", &["ics"]);
const CSV: Filter = ("CSV", &["csv"]);
const LISTINGS: Filter = ("Conference listings", &["json"]);
const BACKUP: Filter = ("Quarterdeck backup", &["db"]);
const WEB_PAGE: Filter = ("Web page", &["html"]);

/// Imports the conference listings the person picks: files, or with `whole_folder` one folder of them.
#[tauri::command(async)]
pub fn import_catalog(
    db: State<Db>,
    dialogs: State<Dialogs>,
    whole_folder: bool,
    on_progress: Channel<ImportProgress>,
) -> Result<Picked<CatalogImport>> {
    let picked = if whole_folder {
        dialogs.0.open_folder(&Ask::new("Import a folder of conference listings")).map(|f| vec![f])
    } else {
        dialogs.0.open_files(&Ask::new("Import conference listings").of(LISTINGS))
    };
    then(picked.filter(|p| !p.is_empty()), |paths| {
        // A closed window drops the channel; the import goes on regardless.
        let mut report = |p: ImportProgress| drop(on_progress.send(p));
        let (listings, skipped) = crate::disk::catalog_files::read_paths_reporting(&paths, &mut report)?;
        db.with(|s| s.import_listings_reporting(&listings, skipped, &mut report))
    })
}

/// Imports the ECB reference-rate CSV the person picks.
#[tauri::command(async)]
pub fn import_rates(db: State<Db>, dialogs: State<Dialogs>) -> Result<Picked<RatesImport>> {
    let picked = dialogs.0.open_file(&Ask::new("Import ECB reference rates (CSV)").of(CSV));
    then(picked, |path| {
        let parsed = ecb_rates::parse(&files::read_bytes(&path, files::RATES)?)?;
        db.with(|s| s.import_rates(parsed))
    })
}

/// Writes every cost line (or a quarter's) as CSV where the person chooses; answers the file's name.
#[tauri::command(async)]
pub fn export_costs(db: State<Db>, dialogs: State<Dialogs>, quarter: Option<String>) -> Result<Picked<String>> {
    let quarter = quarter.map(|q| Quarter::parse("quarter", &q)).transpose()?;
    let suggested = quarter.map_or_else(|| "costs.csv".to_string(), |q| format!("costs-{q}.csv"));
    let picked = dialogs.0.save_file(&Ask::new("Export cost lines (CSV)").of(CSV).named(suggested));
    then(picked, |path| {
        let path = chooser::with_extension(path, "csv");
        let text = db.with(|s| s.cost_csv(quarter))?;
        files::write_whole(&path, &text)?;
        Ok(chooser::file_name(&path))
    })
}

/// Asks for an .ics file to import as someone's busy time; answers its token, as a drop does.
#[tauri::command(async)]
pub fn choose_calendar(dialogs: State<Dialogs>, chosen: State<ChosenFiles>) -> Picked<ChosenFile> {
    match dialogs.0.open_file(&Ask::new("Import a calendar").of(ICS)) {
        Some(path) => Picked::Done(chosen.keep(path)),
        None => Picked::Cancelled,
    }
}

/// Imports the .ics file behind `token` (dropped or chosen in this session) as one person's busy time.
#[tauri::command(async)]
pub fn import_calendar(
    db: State<Db>,
    chosen: State<ChosenFiles>,
    token: Uuid,
    person_id: Uuid,
    on_progress: Channel<CalendarProgress>,
) -> Result<CalendarImport> {
    let path = chosen.path(token)?;
    let mut report =
        |done: usize, total: usize| drop(on_progress.send(CalendarProgress { done: done as u32, total: total as u32 }));
    db.with(|s| calendar_files::import(s, &path, person_id, crate::clock::now(), &mut report))
}

/// One calendar file written: its name and how many events it holds.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct WrittenCalendar {
    pub name: String,
    pub events: u32,
}

/// Writes one .ics file of the chosen kinds where the person chooses.
#[tauri::command(async)]
pub fn export_calendar(
    db: State<Db>,
    dialogs: State<Dialogs>,
    written: State<WrittenFiles>,
    request: CalendarExport,
) -> Result<Picked<WrittenCalendar>> {
    let scope = request.scope()?;
    let suggested = db.with(|s| Ok(calendar_file_name(s, &request)))?;
    let picked = dialogs.0.save_file(&Ask::new("Export a calendar").of(ICS).named(suggested));
    then(picked, |path| {
        let path = chooser::with_extension(path, "ics");
        let events = db.with(|s| calendar_files::export_file(s, &path, &request.kinds, &scope, crate::clock::now()))?;
        written.wrote(WrittenKind::Calendar, &path);
        Ok(WrittenCalendar { name: chooser::file_name(&path), events: events as u32 })
    })
}

/// The name the save dialog offers: `quarterdeck.ics`, with the person when
/// there is one and the kind when there is one (`quarterdeck-maya-okafor-trips.ics`).
fn calendar_file_name(store: &crate::store::Store, request: &CalendarExport) -> String {
    let mut parts = vec!["quarterdeck".to_string()];
    if let [one] = request.person_ids.as_slice()
        && let Ok(person) = store.person(*one)
    {
        parts.push(files::slug(&person.name));
    }
    if let [kind] = request.kinds.as_slice() {
        parts.push(kind.as_str().to_string());
    }
    format!("{}.ics", parts.join("-"))
}

/// Writes a file per kind into the calendars folder beside the plan, or with
/// `choose` into a folder the person picks; answers the names of the files written.
#[tauri::command(async)]
pub fn export_calendar_folder(
    db: State<Db>,
    dialogs: State<Dialogs>,
    written: State<WrittenFiles>,
    request: CalendarExport,
    choose: bool,
) -> Result<Picked<Vec<String>>> {
    let scope = request.scope()?;
    let folder = if choose {
        dialogs.0.open_folder(&Ask::new("Folder for the calendar files"))
    } else {
        Some(db.with(|s| Ok(calendar_files::default_folder(s)))?)
    };
    then(folder, |folder| {
        let files = db.with(|s| calendar_files::export_folder(s, &folder, &scope, crate::clock::now()))?;
        written.wrote(WrittenKind::CalendarFolder, &folder);
        Ok(files.iter().map(|(p, _)| chooser::file_name(p)).collect())
    })
}

/// Adds the public holidays of the .ics file the person picks as days off for `person_ids`.
#[tauri::command(async)]
pub fn import_holidays(db: State<Db>, dialogs: State<Dialogs>, person_ids: Vec<Uuid>) -> Result<Picked<HolidayImport>> {
    let picked = dialogs.0.open_file(&Ask::new("Import public holidays (.ics)").of(ICS));
    then(picked, |path| {
        let holidays = holidays::parse(&files::read_text(&path, files::HOLIDAYS)?)?;
        db.with(|s| s.import_holidays(&holidays, &person_ids))
    })
}

/// The automatic backups beside the plan file, newest first, by name.
#[tauri::command(async)]
pub fn list_backups(db: State<Db>) -> Result<BackupList> {
    db.with(|s| backups::of(s))
}

/// A backup file as the page shows it: by name.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct BackupShown {
    pub name: String,
    #[ts(type = "number")]
    pub bytes: u64,
    pub schema_version: u32,
    pub people: u32,
}

impl From<&BackupCopy> for BackupShown {
    fn from(copy: &BackupCopy) -> Self {
        BackupShown {
            name: chooser::file_name(&copy.path),
            bytes: copy.bytes,
            schema_version: copy.schema_version,
            people: copy.people,
        }
    }
}

/// What a restore did, as the page shows it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct RestoreShown {
    pub from: BackupShown,
    /// The plan as it was just before, kept in the backup folder.
    pub previous: BackupShown,
    pub migrated_from: Option<u32>,
}

impl From<&Restored> for RestoreShown {
    fn from(r: &Restored) -> Self {
        RestoreShown { from: (&r.from).into(), previous: (&r.previous).into(), migrated_from: r.migrated_from }
    }
}

/// Writes a copy of the whole plan where the person chooses.
#[tauri::command(async)]
pub fn backup_database(db: State<Db>, dialogs: State<Dialogs>) -> Result<Picked<BackupShown>> {
    let day = crate::clock::today();
    let ask = Ask::new("Save a backup of the plan").of(BACKUP).named(format!("quarterdeck-copy-{day}.db"));
    then(dialogs.0.save_file(&ask), |path| {
        let path = chooser::with_extension(path, "db");
        db.with(|s| s.backup_to(&path)).map(|copy| (&copy).into())
    })
}

/// Replaces the plan with the backup called `backup` in the backup folder,
/// or without a name with a backup file the person picks; the plan as it
/// was is kept in the backup folder first.
#[tauri::command(async)]
pub fn restore_database(
    db: State<Db>,
    dialogs: State<Dialogs>,
    shelf: State<DeletedShelf>,
    clock: State<ReminderClock>,
    backup: Option<String>,
) -> Result<Picked<RestoreShown>> {
    let from: Option<PathBuf> = match backup {
        Some(name) => Some(db.with(|s| backups::named(s, &name))?),
        None => dialogs.0.open_file(&Ask::new("Restore the plan from a backup").of(BACKUP)),
    };
    then(from, |from| {
        let restored = db.with(|s| backups::restore(s, &from, crate::clock::now()))?;
        shelf.forget_all();
        clock.nudge();
        Ok((&restored).into())
    })
}

/// Writes the quarter report to `reports/` beside the plan file
/// (`quarterdeck-team-2026Q1.html`), or with `choose` where the person
/// chooses; answers where it went, for the person to find it.
#[tauri::command(async)]
pub fn save_quarter_report(
    db: State<Db>,
    dialogs: State<Dialogs>,
    written: State<WrittenFiles>,
    quarter: String,
    person_id: Option<Uuid>,
    choose: bool,
) -> Result<Picked<String>> {
    let quarter = Quarter::parse("quarter", &quarter)?;
    let today = crate::clock::today();
    let path = if choose {
        let suggested = db.with(|s| report_file::default_name(s, quarter, person_id))?;
        let ask = Ask::new("Save quarter report").of(WEB_PAGE).named(suggested);
        dialogs.0.save_file(&ask).map(|path| Some(chooser::with_extension(path, "html")))
    } else {
        Some(None)
    };
    then(path, |path| {
        let report = db.with(|s| report_file::save(s, quarter, person_id, path.as_deref(), today))?;
        written.wrote(WrittenKind::QuarterReport, &report);
        Ok(report.display().to_string())
    })
}

/// Opens the last file of `kind` this window wrote with the system's app for it.
#[tauri::command(async)]
pub fn open_written(dialogs: State<Dialogs>, written: State<WrittenFiles>, kind: WrittenKind) -> Result<()> {
    dialogs.0.open_path(&written.last(kind)?)
}

/// Shows the last file of `kind` this window wrote in the file manager.
#[tauri::command(async)]
pub fn show_written(dialogs: State<Dialogs>, written: State<WrittenFiles>, kind: WrittenKind) -> Result<()> {
    dialogs.0.reveal(&written.last(kind)?)
}

/// Opens a web address in the system browser once the person agrees to it in
/// a native dialog that shows the whole address. The page may ask, as the
/// Open buttons do; only the person can let anything leave the machine.
#[tauri::command(async)]
pub fn open_link(dialogs: State<Dialogs>, address: String) -> Result<Picked<()>> {
    let url = web_address(&address)?;
    let message = format!("Open this address in your browser?\n\n{url}");
    if !dialogs.0.confirm("Open in browser", &message, "Open") {
        return Ok(Picked::Cancelled);
    }
    dialogs.0.browse(url.as_str()).map(Picked::Done)
}

/// A complete http or https address, as the browser would be given it.
pub fn web_address(text: &str) -> Result<tauri::Url> {
    let bad = |why: &str| Error::invalid("address", why.to_string());
    let text = text.trim();
    if text.len() > 2_000 {
        return Err(bad("is too long for a web address"));
    }
    let url = tauri::Url::parse(text).map_err(|_| bad("is not a web address"))?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none_or(str::is_empty) {
        return Err(bad("only http and https addresses open in the browser"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(bad("carries a user name or password"));
    }
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_web_addresses_open() {
        assert_eq!(web_address(" https://rustconf.com/2026 ").unwrap().as_str(), "https://rustconf.com/2026");
        for bad in ["file:///etc/passwd", "javascript:alert(1)", "https://", "rustconf.com", "https://a:b@x.org/", ""] {
            assert!(web_address(bad).is_err(), "{bad}");
        }
        assert!(web_address(&format!("https://x.org/{}", "a".repeat(3_000))).is_err());
    }

    #[test]
    fn the_save_dialog_offers_a_name_with_the_person_and_the_kind() {
        use crate::domain::ics::plan_items::CalendarKind;
        let mut store = crate::store::Store::open_in_memory().unwrap();
        crate::demo::fill(&mut store, &crate::demo::DemoOptions::for_today("2026-02-16".parse().unwrap())).unwrap();
        let liam = store.people().unwrap().into_iter().find(|p| p.name == "Liam O'Connor").unwrap();
        let request = |person_ids: Vec<Uuid>, kinds: Vec<CalendarKind>| CalendarExport {
            person_ids,
            kinds,
            from: None,
            to: None,
            cfp_alarms: String::new(),
        };
        let everyone = request(vec![], CalendarKind::ALL.to_vec());
        assert_eq!(calendar_file_name(&store, &everyone), "quarterdeck.ics");
        let trips = request(vec![liam.id], vec![CalendarKind::ALL[1]]);
        assert_eq!(
            calendar_file_name(&store, &trips),
            format!("quarterdeck-liam-o-connor-{}.ics", CalendarKind::ALL[1].as_str())
        );
        assert_eq!(
            calendar_file_name(&store, &request(vec![Uuid::nil()], CalendarKind::ALL.to_vec())),
            "quarterdeck.ics"
        );
    }

    #[test]
    fn the_page_sees_backup_names_not_paths() {
        let copy =
            BackupCopy { path: "/home/ana/.local/share/q/backups/x.db".into(), bytes: 1, schema_version: 8, people: 2 };
        let shown = serde_json::to_string(&BackupShown::from(&copy)).unwrap();
        assert!(shown.contains("\"name\":\"x.db\"") && !shown.contains("/home"), "{shown}");
    }
}
