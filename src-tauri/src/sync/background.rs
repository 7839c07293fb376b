//! The window's background sync: one thread of its own that owns the server
//! connection (whose runtime must never run on the window's async runtime),
//! syncs every interval, and runs what Settings asks of the server (connect,
//! list calendars…) one at a time between syncs. A sync asked for while one
//! runs is coalesced: however many requests arrive meanwhile, one more sync
//! follows, so an edit made during a sync still goes out. Nothing here knows
//! Tauri: the window hands in a `Worker` and a callback for state changes.

use std::collections::VecDeque;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, mpsc};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use super::SyncReport;
use crate::{Error, Result};

/// The interval between background syncs, unless `QUARTERDECK_SYNC_INTERVAL_SECS` says otherwise.
pub const DEFAULT_INTERVAL: Duration = Duration::from_secs(60);

/// The variable that overrides the interval (0: no timed syncs, only focus and "Sync now").
pub const INTERVAL_VARIABLE: &str = "QUARTERDECK_SYNC_INTERVAL_SECS";

/// The interval from the environment, or the default.
pub fn interval_from_env() -> Option<Duration> {
    interval_from_env_value(std::env::var(INTERVAL_VARIABLE).ok().as_deref())
}

fn interval_from_env_value(value: Option<&str>) -> Option<Duration> {
    match value.and_then(|v| v.trim().parse::<u64>().ok()) {
        Some(0) => None,
        Some(secs) => Some(Duration::from_secs(secs)),
        None => Some(DEFAULT_INTERVAL),
    }
}

/// What the background thread does; the window's implementation talks to the server.
pub trait Worker: Send + 'static {
    /// Whether there is anything to sync with (an account is connected).
    fn has_account(&mut self) -> bool {
        true
    }

    /// One sync; `Ok(None)` when no account is connected (nothing to do).
    fn sync(&mut self) -> Result<Option<SyncReport>>;
}

/// The sync's own state, as this run knows it (the account is the plan's).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncStatus {
    pub syncing: bool,
    pub last_synced_at: Option<DateTime<Utc>>,
    /// The last sync's failure in words; cleared by the next sync that works.
    pub last_error: Option<String>,
    /// The last finished sync's report.
    pub last_report: Option<SyncReport>,
}

/// A change of state, for the window. What the sync wrote to the plan reaches
/// the page as any outside write does (`app::plan_watch`).
pub type OnChange = Box<dyn Fn(&SyncStatus) + Send + Sync>;

type Job<W> = Box<dyn FnOnce(&mut W) + Send>;

struct Queue<W> {
    jobs: VecDeque<Job<W>>,
    sync_wanted: bool,
    closed: bool,
}

struct Shared<W> {
    queue: Mutex<Queue<W>>,
    wake: Condvar,
    status: Mutex<SyncStatus>,
    on_change: OnChange,
}

fn locked<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// The handle commands hold: ask for a sync, run a job, read the state.
pub struct SyncRunner<W> {
    shared: Arc<Shared<W>>,
}

impl<W: Worker> SyncRunner<W> {
    /// Starts the thread with `worker`; a sync every `interval` (None: only when asked).
    pub fn start(worker: W, interval: Option<Duration>, on_change: OnChange) -> SyncRunner<W> {
        let shared = Arc::new(Shared {
            queue: Mutex::new(Queue { jobs: VecDeque::new(), sync_wanted: false, closed: false }),
            wake: Condvar::new(),
            status: Mutex::new(SyncStatus::default()),
            on_change,
        });
        let theirs = Arc::clone(&shared);
        std::thread::Builder::new()
            .name("calendar-sync".into())
            .spawn(move || run(&theirs, worker, interval))
            .expect("a thread can be started");
        SyncRunner { shared }
    }

    /// Asks for a sync soon; coalesced with any already asked for or running.
    pub fn request_sync(&self) {
        let mut queue = locked(&self.shared.queue);
        queue.sync_wanted = true;
        self.shared.wake.notify_one();
    }

    /// Runs `job` on the sync thread (after the sync under way, if any) and waits for its answer.
    pub fn call<T: Send + 'static>(&self, job: impl FnOnce(&mut W) -> Result<T> + Send + 'static) -> Result<T> {
        let (tx, rx) = mpsc::channel();
        {
            let mut queue = locked(&self.shared.queue);
            queue.jobs.push_back(Box::new(move |w: &mut W| {
                let _ = tx.send(crate::error::catch_panic(|| job(w)));
            }));
            self.shared.wake.notify_one();
        }
        rx.recv().unwrap_or_else(|_| Err(Error::Internal("the calendar sync stopped".into())))
    }

    pub fn status(&self) -> SyncStatus {
        locked(&self.shared.status).clone()
    }

    /// Forgets the last sync (a disconnect: its state was the old account's).
    pub fn reset(&self) {
        *locked(&self.shared.status) = SyncStatus::default();
    }

    /// Stops the thread once what it is doing ends.
    pub fn stop(&self) {
        locked(&self.shared.queue).closed = true;
        self.shared.wake.notify_one();
    }
}

enum Next<W> {
    Job(Job<W>),
    Sync,
    Stop,
}

fn run<W: Worker>(shared: &Shared<W>, mut worker: W, interval: Option<Duration>) {
    let mut due = interval.map(|i| Instant::now() + i);
    loop {
        match next(shared, &mut due) {
            Next::Stop => return,
            Next::Job(job) => job(&mut worker),
            Next::Sync => {
                sync_once(shared, &mut worker);
                due = interval.map(|i| Instant::now() + i);
            }
        }
    }
}

/// Waits for the next thing to do: a job first (Settings waits on it), then a sync asked for or due.
fn next<W>(shared: &Shared<W>, due: &mut Option<Instant>) -> Next<W> {
    let mut queue = locked(&shared.queue);
    loop {
        if queue.closed {
            return Next::Stop;
        }
        if let Some(job) = queue.jobs.pop_front() {
            return Next::Job(job);
        }
        if due.is_some_and(|d| d <= Instant::now()) {
            queue.sync_wanted = true;
        }
        if queue.sync_wanted {
            queue.sync_wanted = false;
            return Next::Sync;
        }
        queue = match *due {
            Some(d) => {
                let wait = d.saturating_duration_since(Instant::now());
                shared.wake.wait_timeout(queue, wait).unwrap_or_else(|p| p.into_inner()).0
            }
            None => shared.wake.wait(queue).unwrap_or_else(|p| p.into_inner()),
        };
    }
}

fn sync_once<W: Worker>(shared: &Shared<W>, worker: &mut W) {
    // Nothing to say while nothing is connected (a focus, a timer with no account).
    if !worker.has_account() {
        return;
    }
    let started = {
        let mut status = locked(&shared.status);
        status.syncing = true;
        status.clone()
    };
    (shared.on_change)(&started);
    // A panic (a bug) is reported as the sync's error, and the next sync tries again.
    let outcome = crate::error::catch_panic(|| worker.sync());
    let finished = {
        let mut status = locked(&shared.status);
        status.syncing = false;
        match outcome {
            Ok(Some(report)) => {
                status.last_synced_at = Some(crate::clock::now());
                status.last_error = None;
                status.last_report = Some(report);
            }
            Ok(None) => {}
            Err(e) => {
                log::warn!("calendar sync: {e}");
                status.last_error = Some(words(&e));
            }
        }
        status.clone()
    };
    (shared.on_change)(&finished);
}

/// An error as the window says it: the message alone, without a field's name in front.
pub fn words(e: &Error) -> String {
    match e {
        Error::Invalid { message, .. } => message.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A worker that counts its syncs and, when asked, holds each until released.
    struct Counting {
        syncs: Arc<Mutex<u32>>,
        hold: Option<mpsc::Receiver<()>>,
        started: mpsc::Sender<()>,
        /// How many syncs fail before they work.
        fails: u32,
    }

    impl Worker for Counting {
        fn sync(&mut self) -> Result<Option<SyncReport>> {
            let _ = self.started.send(());
            if let Some(hold) = &self.hold {
                let _ = hold.recv();
            }
            *locked(&self.syncs) += 1;
            if self.fails > 0 {
                self.fails -= 1;
                return Err(Error::CalendarServer("the server cannot be reached".into()));
            }
            Ok(Some(SyncReport::default()))
        }
    }

    type Fixture = (SyncRunner<Counting>, Arc<Mutex<u32>>, mpsc::Receiver<()>, Option<mpsc::Sender<()>>);

    fn runner(hold: bool, fails: u32) -> Fixture {
        let syncs = Arc::new(Mutex::new(0));
        let (release, held) = mpsc::channel();
        let (started, starts) = mpsc::channel();
        let worker = Counting { syncs: Arc::clone(&syncs), hold: hold.then_some(held), started, fails };
        let runner = SyncRunner::start(worker, None, Box::new(|_| {}));
        (runner, syncs, starts, hold.then_some(release))
    }

    fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while !done() {
            assert!(Instant::now() < deadline, "{what}");
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    #[test]
    fn requests_while_a_sync_runs_make_one_more_sync() {
        let (runner, syncs, starts, release) = runner(true, 0);
        let release = release.unwrap();
        runner.request_sync();
        starts.recv().unwrap();
        assert!(runner.status().syncing);
        for _ in 0..5 {
            runner.request_sync();
        }
        release.send(()).unwrap();
        starts.recv().unwrap();
        release.send(()).unwrap();
        wait_until("two syncs finish", || *locked(&syncs) == 2 && !runner.status().syncing);
        // A job runs after them, so every sync asked for has run by then.
        runner.call(|_| Ok(())).unwrap();
        assert_eq!(*locked(&syncs), 2, "five requests during one sync are one more sync, not five");
        assert!(runner.status().last_synced_at.is_some());
        runner.stop();
    }

    #[test]
    fn a_job_waits_for_the_sync_under_way_and_answers_its_caller() {
        let (runner, syncs, starts, release) = runner(true, 0);
        let release = release.unwrap();
        runner.request_sync();
        starts.recv().unwrap();
        let runner = Arc::new(runner);
        let theirs = Arc::clone(&runner);
        let seen = Arc::clone(&syncs);
        let asked = std::thread::spawn(move || theirs.call(move |_| Ok(*locked(&seen))));
        std::thread::sleep(Duration::from_millis(50));
        release.send(()).unwrap();
        assert_eq!(asked.join().unwrap().unwrap(), 1, "the job ran after the sync, never beside it");
        runner.stop();
    }

    #[test]
    fn a_failed_sync_says_why_and_the_next_one_clears_it() {
        let (runner, _, _starts, _) = runner(false, 1);
        runner.request_sync();
        wait_until("the sync fails", || runner.status().last_error.is_some());
        let status = runner.status();
        assert!(status.last_error.as_deref().unwrap().contains("the server cannot be reached"), "{status:?}");
        assert!(status.last_synced_at.is_none() && !status.syncing);
        runner.request_sync();
        wait_until("the next sync works", || runner.status().last_synced_at.is_some());
        assert_eq!(runner.status().last_error, None, "a sync that works clears the error");
        runner.stop();
    }

    #[test]
    fn a_panicking_job_answers_an_error_and_the_thread_goes_on() {
        let (runner, _, _starts, _) = runner(false, 0);
        let err = runner.call(|_| -> Result<()> { panic!("a bug") }).unwrap_err();
        assert_eq!(err.code(), crate::error::ErrorCode::Internal);
        assert_eq!(runner.call(|_| Ok(7)).unwrap(), 7);
        runner.stop();
    }

    #[test]
    fn the_interval_comes_from_the_environment_and_zero_turns_it_off() {
        // Parsed by the same rule the variable goes through.
        assert_eq!(interval_from_env_value(None), Some(DEFAULT_INTERVAL));
        assert_eq!(interval_from_env_value(Some("5")), Some(Duration::from_secs(5)));
        assert_eq!(interval_from_env_value(Some("0")), None);
        assert_eq!(interval_from_env_value(Some("soon")), Some(DEFAULT_INTERVAL));
    }

    #[test]
    fn a_timed_sync_runs_without_being_asked() {
        let syncs = Arc::new(Mutex::new(0));
        let (started, _starts) = mpsc::channel();
        let worker = Counting { syncs: Arc::clone(&syncs), hold: None, started, fails: 0 };
        let runner = SyncRunner::start(worker, Some(Duration::from_millis(20)), Box::new(|_| {}));
        wait_until("two timed syncs", || *locked(&syncs) >= 2);
        runner.stop();
    }
}
