//! The window's side of the live calendars: Settings connects, lists the
//! account's calendars, picks how each counts and asks for a sync; the
//! background sync (`sync::background`) runs all of it on its own thread,
//! which owns the server connection, and tells the page each change of state
//! as the `calendar-sync` event. That thread has its own connection to the
//! plan file (SQLite's WAL lets it write beside the window), so the window's
//! store is never held while the server is slow.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use quarterdeck_caldav::{CalDavError, Connection, ServerUrl};
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Emitter, Manager, Runtime};
use ts_rs::TS;
use uuid::Uuid;

use super::Db;
use crate::store::{CalendarAccount, Store};
use crate::sync::background::{self, SyncRunner, SyncStatus, Worker};
use crate::sync::{self, CalendarChoice, CountChange, CountsAs, Keychain, PasswordKept, SyncReport};
use crate::{Error, Result};

/// The event the page listens to for the sync's state.
pub const EVENT: &str = "calendar-sync";

/// What Settings sends to connect: the account, its password, and who in the plan it is.
#[derive(Clone, Deserialize, TS)]
pub struct ServerLogin {
    pub server_url: String,
    pub user: String,
    /// Kept in the keychain once the server accepted it; never in the plan.
    pub password: String,
    /// The person of the plan whose items are published.
    pub me: Uuid,
}

/// The connected account, as Settings shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AccountShown {
    pub server_url: String,
    pub user_name: String,
    pub person_id: Uuid,
    pub person_name: String,
    /// Where the password is kept: the keychain, or memory for this run only.
    pub password: PasswordKept,
}

/// What the last finished sync did, in counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SyncCounts {
    pub created: u32,
    pub updated: u32,
    pub deleted: u32,
    pub busy_calendars: u32,
    pub busy_added: u32,
    pub busy_updated: u32,
    pub busy_removed: u32,
}

/// The sync's state as the page shows it (and the `calendar-sync` event carries).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CalendarSyncState {
    /// None: no calendar server is connected.
    pub account: Option<AccountShown>,
    pub syncing: bool,
    /// The last sync that worked, this run.
    pub last_synced_at: Option<DateTime<Utc>>,
    /// Plan items not yet on the server (new, changed or deleted since the last sync).
    pub changes_waiting: Option<u32>,
    pub last_error: Option<String>,
    pub last_sync: Option<SyncCounts>,
    /// What the last sync has to say: conflicts, events left out, edits resolved.
    pub notes: Vec<String>,
}

/// Runs a step on the window's store.
type WithShared = Box<dyn Fn(&mut dyn FnMut(&mut Store) -> Result<()>) -> Result<()> + Send + Sync>;

/// Where the sync thread reads and writes the plan.
enum PlanAccess {
    /// Its own connection to the plan file, opened at the first step and kept
    /// (a restore copies into the same file, so it stays the plan's); opened
    /// again after an error.
    File(PathBuf, Mutex<Option<Store>>),
    /// The window's store (a plan in memory, as some tests run).
    Shared(WithShared),
}

impl PlanAccess {
    fn with<T>(&self, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        match self {
            PlanAccess::File(path, kept) => {
                let mut kept = kept.lock().unwrap_or_else(|p| p.into_inner());
                let store = match kept.as_mut() {
                    Some(store) => store,
                    None => kept.insert(Store::open(path)?),
                };
                store.end_leftover_transaction();
                let out = f(store);
                store.end_leftover_transaction();
                if out.is_err() {
                    *kept = None;
                }
                out
            }
            PlanAccess::Shared(with) => {
                let mut f = Some(f);
                let mut out = None;
                with(&mut |s| {
                    if let Some(f) = f.take() {
                        out = Some(f(s));
                    }
                    Ok(())
                })?;
                out.unwrap_or_else(|| Err(Error::Internal("the plan was not reached".into())))
            }
        }
    }
}

/// The sync thread's worker: the plan, the keychain and the open connection.
pub struct ServerWorker {
    plan: Arc<PlanAccess>,
    keychain: Arc<Keychain>,
    /// The connection and the account it is for: `(server_url, user, password)`.
    open: Option<((String, String, String), Connection)>,
}

impl ServerWorker {
    /// The connection for `account`, opened again when the account or its password changed.
    fn connection(&mut self, account: &CalendarAccount) -> Result<&Connection> {
        let password = self.keychain.password(&account.server_url, &account.user_name).ok_or_else(|| {
            Error::invalid(
                "password",
                format!(
                    "the password for {} is not kept on this computer any more; connect again in Settings",
                    account.user_name
                ),
            )
        })?;
        let key = (account.server_url.clone(), account.user_name.clone(), password);
        if self.open.as_ref().is_none_or(|(k, _)| *k != key) {
            let url = ServerUrl::parse(&account.server_url).map_err(sync::server_error)?;
            let connection = Connection::open(&url, &key.1, &key.2).map_err(sync::server_error)?;
            self.open = Some((key, connection));
        }
        Ok(&self.open.as_ref().expect("opened above").1)
    }

    fn account(&self) -> Result<CalendarAccount> {
        self.plan.with(|s| s.require_calendar_account())
    }

    fn connect(&mut self, login: ServerLogin) -> Result<()> {
        let url = ServerUrl::parse(&login.server_url).map_err(login_error)?;
        let user = login.user.trim();
        if user.is_empty() {
            return Err(Error::invalid("user", "type the user name of the account"));
        }
        if login.password.is_empty() {
            return Err(Error::invalid("password", "type the password or an app password"));
        }
        self.plan.with(|s| s.person(login.me)).map_err(|_| Error::invalid("me", "pick who you are in the plan"))?;
        let server = Connection::open(&url, user, &login.password).map_err(login_error)?;
        // Asked first so that an address or a password at fault names its field.
        server.discover().map_err(login_error)?;
        let server_url = url.to_string();
        let before = self.plan.with(|s| s.calendar_account())?;
        self.plan.with(|s| sync::connect(s, &server, &server_url, user, login.me, crate::clock::now()))?;
        // Only now, with the account saved, is the password worth keeping.
        if let Some(old) = before.filter(|a| a.server_url != server_url || a.user_name != user) {
            self.keychain.forget(&old.server_url, &old.user_name);
        }
        self.keychain.keep(&server_url, user, &login.password);
        self.open = Some(((server_url, user.to_string(), login.password), server));
        Ok(())
    }

    fn disconnect(&mut self) -> Result<()> {
        if let Some(account) = self.plan.with(|s| s.calendar_account())? {
            self.plan.with(|s| s.forget_calendar_account())?;
            self.keychain.forget(&account.server_url, &account.user_name);
        }
        self.open = None;
        Ok(())
    }

    fn calendars(&mut self) -> Result<Vec<CalendarChoice>> {
        let account = self.account()?;
        let plan = Arc::clone(&self.plan);
        let server = self.connection(&account)?;
        plan.with(|s| sync::calendar_choices(s, server))
    }

    fn count_as(&mut self, href: &str, how: CountsAs) -> Result<CountChange> {
        let account = self.account()?;
        let plan = Arc::clone(&self.plan);
        let server = self.connection(&account)?;
        plan.with(|s| sync::count_as(s, server, href, how))
    }
}

impl Worker for ServerWorker {
    fn has_account(&mut self) -> bool {
        self.plan.with(|s| s.calendar_account()).is_ok_and(|a| a.is_some())
    }

    fn sync(&mut self) -> Result<Option<SyncReport>> {
        let Some(account) = self.plan.with(|s| s.calendar_account())? else {
            self.open = None;
            return Ok(None);
        };
        let plan = Arc::clone(&self.plan);
        let server = self.connection(&account)?;
        let report = plan.with(|s| sync::sync(s, server, crate::clock::now()));
        if report.is_err() {
            // Opened afresh next time: the server may have restarted, the password changed.
            self.open = None;
        }
        report.map(Some)
    }
}

/// A failure while connecting, on the field the person can fix.
fn login_error(err: CalDavError) -> Error {
    match err {
        CalDavError::NotCalDav(_) | CalDavError::Unreachable(_) | CalDavError::Tls(_) => {
            Error::invalid("server_url", err.to_string())
        }
        CalDavError::Forbidden(_) => Error::invalid("user", err.to_string()),
        other => sync::server_error(other),
    }
}

/// The window's handle on the background sync, managed as state.
pub struct CalendarSync {
    runner: SyncRunner<ServerWorker>,
    keychain: Arc<Keychain>,
}

impl CalendarSync {
    /// Starts the sync thread for the plan at `db_file` (None: the window's store, in memory).
    pub fn start<R: Runtime>(app: &AppHandle<R>, db_file: Option<PathBuf>) -> CalendarSync {
        let plan = Arc::new(match db_file {
            Some(path) => PlanAccess::File(path, Mutex::new(None)),
            None => {
                let app = app.clone();
                PlanAccess::Shared(Box::new(move |f| app.state::<Db>().with(|s| f(s))))
            }
        });
        let keychain = Arc::new(Keychain::os());
        let worker = ServerWorker { plan: Arc::clone(&plan), keychain: Arc::clone(&keychain), open: None };
        let (emitter, shown) = (app.clone(), Arc::clone(&keychain));
        let on_change = Box::new(move |status: &SyncStatus| match plan.with(|s| state_of(s, status, &shown)) {
            Ok(state) => {
                if let Err(e) = emitter.emit(EVENT, &state) {
                    log::warn!("calendar sync state not sent to the window: {e}");
                }
            }
            Err(e) => log::warn!("calendar sync state: {e}"),
        });
        CalendarSync { runner: SyncRunner::start(worker, background::interval_from_env(), on_change), keychain }
    }

    /// The state now, read from `store` (the window's) and the sync thread's status.
    pub fn state(&self, store: &mut Store) -> Result<CalendarSyncState> {
        state_of(store, &self.runner.status(), &self.keychain)
    }

    /// Asks for a sync soon (coalesced with one asked for or running).
    pub fn sync_now(&self) {
        self.runner.request_sync();
    }

    /// Connects, then syncs at once.
    pub fn connect(&self, login: ServerLogin) -> Result<()> {
        self.runner.call(move |w| w.connect(login))?;
        self.runner.reset();
        self.runner.request_sync();
        Ok(())
    }

    pub fn disconnect(&self) -> Result<()> {
        self.runner.call(|w| w.disconnect())?;
        self.runner.reset();
        Ok(())
    }

    pub fn calendars(&self) -> Result<Vec<CalendarChoice>> {
        self.runner.call(|w| w.calendars())
    }

    /// Sets how a calendar counts; a calendar now counted is read at once.
    pub fn count_as(&self, href: String, how: CountsAs) -> Result<Vec<CalendarChoice>> {
        let change = self.runner.call(move |w| w.count_as(&href, how))?;
        if change == CountChange::Counted {
            self.runner.request_sync();
        }
        self.calendars()
    }
}

fn state_of(store: &mut Store, status: &SyncStatus, keychain: &Keychain) -> Result<CalendarSyncState> {
    let account = match store.calendar_account()? {
        Some(a) => Some(AccountShown {
            password: keychain.whereabouts(&a.server_url, &a.user_name),
            person_name: store.person(a.person_id).map(|p| p.name).unwrap_or_default(),
            server_url: a.server_url,
            user_name: a.user_name,
            person_id: a.person_id,
        }),
        None => None,
    };
    let changes_waiting = match account {
        Some(_) => sync::changes_waiting(store, crate::clock::now())?,
        None => None,
    };
    let report = status.last_report.as_ref();
    Ok(CalendarSyncState {
        syncing: status.syncing,
        last_synced_at: status.last_synced_at,
        last_error: status.last_error.clone(),
        last_sync: report.map(|r| SyncCounts {
            created: r.pushed.created,
            updated: r.pushed.updated,
            deleted: r.pushed.deleted,
            busy_calendars: r.pulled.calendars,
            busy_added: r.pulled.added,
            busy_updated: r.pulled.updated,
            busy_removed: r.pulled.removed,
        }),
        notes: report.map(notes).unwrap_or_default(),
        account,
        changes_waiting,
    })
}

/// Every note of a sync, whatever part of it wrote them.
fn notes(report: &SyncReport) -> Vec<String> {
    report.edits.iter().chain(&report.pushed.conflicts).chain(&report.pulled.warnings).cloned().collect()
}
