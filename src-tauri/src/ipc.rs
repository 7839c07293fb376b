//! Shapes that exist only to cross IPC (the domain types cross as they are).

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use crate::Result;
use crate::domain::acceptance::AcceptanceReport;
use crate::domain::budget::Budget;
use crate::domain::budget_report::{self, CostConversion};
use crate::domain::cfp::{self, CfpClosing};
use crate::domain::content::{self, EffortDefault, OverdueContent};
use crate::domain::load::{self, Horizon, TeamLoad, ThresholdSpec, ThresholdValues};
use crate::domain::money::Currency;
use crate::domain::score::{self, EventScore};
use crate::domain::travel::{self, TripFacts};
use crate::domain::trip::Trip;
use crate::domain::{ContentItem, Event, Participation, Person, Settings, Submission, Talk, TalkVersion, TimeOff};
use crate::store::{LoadRecords, Me, Store};

/// What the window shows about the running app and its database.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AppInfo {
    pub version: String,
    pub db_path: String,
    pub schema_version: u32,
    /// Where "write a file per kind" puts calendars unless the user picks
    /// another folder: `calendars` beside the database.
    pub calendar_folder: String,
    /// The app's clock when asked (`QUARTERDECK_NOW` moves it): the window
    /// keeps its own "today" in step with it.
    pub now: DateTime<Utc>,
    /// The window's log file, for a bug report (`None` with no home folder).
    pub log_file: Option<String>,
    /// The system's locale (BCP 47) for numbers, money and dates; `QUARTERDECK_LOCALE` overrides it.
    pub locale: String,
}

impl AppInfo {
    pub fn of(store: &Store) -> Result<AppInfo> {
        Ok(AppInfo {
            version: env!("CARGO_PKG_VERSION").to_string(),
            db_path: store.path().map_or_else(|| ":memory:".to_string(), |p| p.display().to_string()),
            schema_version: store.schema_version()? as u32,
            calendar_folder: crate::disk::calendar_files::default_folder(store).display().to_string(),
            now: crate::clock::now(),
            log_file: crate::disk::paths::log_folder()
                .map(|f| f.join(format!("{}.log", crate::disk::paths::LOG_NAME)).display().to_string()),
            locale: crate::locale::system(),
        })
    }
}

/// How many days ahead the window lists closing calls for papers.
pub const CFP_WINDOW_DAYS: u32 = 30;

/// Everything the window shows of the plan, read at one moment in one call,
/// with what is derived from it (CFPs closing, scores, acceptance rates).
#[derive(Debug, Clone, Serialize, TS)]
pub struct PlanView {
    pub people: Vec<Person>,
    pub events: Vec<Event>,
    pub participations: Vec<Participation>,
    pub time_off: Vec<TimeOff>,
    pub talks: Vec<Talk>,
    pub talk_versions: Vec<TalkVersion>,
    pub submissions: Vec<Submission>,
    pub content: Vec<ContentItem>,
    pub settings: Settings,
    /// Calls for papers closing in the next `CFP_WINDOW_DAYS` days.
    pub cfps_closing: Vec<CfpClosing>,
    pub scores: Vec<EventScore>,
    pub acceptance: AcceptanceReport,
    /// Content late on `today`, with why.
    pub content_overdue: Vec<OverdueContent>,
    /// Each kind's default effort and its source, for the content form.
    pub effort_defaults: Vec<EffortDefault>,
    pub trips: Vec<Trip>,
    /// What each trip does to its traveller and costs, one per trip.
    pub travel: Vec<TripFigures>,
    pub budgets: Vec<Budget>,
    /// Everyone's weekly load, 12 weeks back to 16 ahead, most at risk first.
    pub load: TeamLoad,
    pub thresholds: ThresholdsView,
    /// Other calendars imported as busy time, per person.
    pub calendars: Vec<crate::store::ImportedCalendar>,
    /// Which person uses this plan file, for the views and forms that start on them.
    pub me: Me,
}

/// The load model's numbers: each one's default and source, and what the team
/// and each person changed.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ThresholdsView {
    pub specs: Vec<ThresholdSpec>,
    pub team: ThresholdValues,
    pub people: BTreeMap<Uuid, ThresholdValues>,
}

/// A trip's derived figures: time zones, red-eyes, nights away, distance, CO2,
/// and each cost in the reporting currency with the rate it used.
#[derive(Debug, Clone, Serialize, TS)]
pub struct TripFigures {
    pub trip_id: uuid::Uuid,
    pub facts: Option<TripFacts>,
    /// Why the figures could not be worked out (a place whose zone is gone, say).
    pub problem: Option<String>,
    pub costs: Vec<CostConversion>,
}

impl TripFigures {
    pub fn of(store: &Store, trips: &[Trip], people: &[Person], reporting: &str) -> Result<Vec<TripFigures>> {
        let to = Currency::parse("reporting_currency", reporting)?;
        let needs: Vec<_> = trips.iter().flat_map(|t| &t.costs).map(|c| (c.currency.clone(), c.date)).collect();
        let rates = store.rate_table(&needs, to)?;
        Ok(trips
            .iter()
            .map(|t| {
                let home = people.iter().find(|p| p.id == t.person_id).map_or("UTC", |p| p.timezone.as_str());
                let facts =
                    crate::domain::zone::parse("timezone", home).and_then(|tz| travel::trip_facts(&t.segments, tz));
                TripFigures {
                    trip_id: t.id,
                    problem: facts.as_ref().err().map(ToString::to_string),
                    facts: facts.ok(),
                    costs: t.costs.iter().map(|c| budget_report::convert_line(c, to, &rates)).collect(),
                }
            })
            .collect())
    }
}

impl PlanView {
    /// The plan at `now`; `today` is the user's local date, which decides what is overdue.
    pub fn of(store: &Store, now: DateTime<Utc>, today: NaiveDate) -> Result<PlanView> {
        store.read(|s| {
            let horizon = Horizon::around(today, load::WEEKS_BACK, load::WEEKS_AHEAD);
            let records = s.load_records(horizon)?;
            let load = TeamLoad::of(&records.input(), horizon);
            let LoadRecords {
                people,
                time_off,
                events,
                participations,
                talks,
                versions: talk_versions,
                submissions,
                content,
                trips,
                team_thresholds: team,
                person_thresholds,
                ..
            } = records;
            let settings = s.settings()?;
            Ok(PlanView {
                me: s.me()?,
                calendars: s.imported_calendars()?,
                load,
                thresholds: ThresholdsView { specs: load::thresholds::SPECS.to_vec(), team, people: person_thresholds },
                travel: TripFigures::of(s, &trips, &people, &settings.reporting_currency)?,
                trips,
                budgets: s.budgets()?,
                people,
                participations,
                time_off,
                talks,
                talk_versions,
                cfps_closing: cfp::closing_within(&events, now, CFP_WINDOW_DAYS),
                scores: score::scores(&events, &settings.score_weights),
                acceptance: AcceptanceReport::of(&submissions),
                content_overdue: content::overdue(&content, today),
                effort_defaults: content::effort_defaults(),
                content,
                events,
                submissions,
                settings,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::{self, DemoOptions};

    #[test]
    fn the_plan_view_holds_the_plan_and_what_derives_from_it() {
        let mut store = Store::open_in_memory().unwrap();
        let today = "2026-11-21".parse().unwrap();
        demo::fill(&mut store, &DemoOptions::for_today(today)).unwrap();
        let now = today.and_hms_opt(12, 0, 0).unwrap().and_utc();
        let view = PlanView::of(&store, now, today).unwrap();
        assert_eq!(view.events, store.events().unwrap());
        assert_eq!(view.submissions, store.submissions().unwrap());
        assert_eq!(view.scores.len(), view.events.len(), "one score per event");
        assert_eq!(view.cfps_closing, cfp::closing_within(&view.events, now, CFP_WINDOW_DAYS));
        assert_eq!(view.acceptance, AcceptanceReport::of(&view.submissions));
        assert_eq!(view.settings, Settings::default());
        assert_eq!(view.content, store.content().unwrap());
        assert_eq!(view.content_overdue, content::overdue(&view.content, today));
    }
}
