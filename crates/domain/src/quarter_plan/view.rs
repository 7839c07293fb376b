//! What the quarter screen, the `quarter` command and the report show: one
//! person's (or the team's) quarter, computed from the plan in one pass.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::function::{ActivityRef, DevrelFunction};
use super::goal::Goal;
use super::mix::TargetMix;
use super::outcome::{Outcome, OutcomeOf};
use crate::deletion::RecordKind;
use crate::load::Level;
use crate::quarter::Quarter;

text_enum!(
    /// How far along an item is. Goals count `planned` ⊇ `confirmed` ⊇ `done`;
    /// `dropped` (rejected, withdrawn, cancelled) is shown, never counted.
    Stage {
        Planned = "planned",
        Confirmed = "confirmed",
        Done = "done",
        Dropped = "dropped",
    }
);

impl Stage {
    pub fn counts(self) -> bool {
        self != Stage::Dropped
    }
    pub fn confirmed(self) -> bool {
        matches!(self, Stage::Confirmed | Stage::Done)
    }
}

/// The record a click opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub struct RecordRef {
    pub kind: RecordKind,
    pub id: Uuid,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct QuarterView {
    pub quarter: Quarter,
    pub previous: Quarter,
    pub next: Quarter,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub today: NaiveDate,
    /// Absent for the team.
    pub person_id: Option<Uuid>,
    /// The person's name, or "Team".
    pub scope_name: String,
    /// The Monday of every week that touches the quarter.
    pub weeks: Vec<NaiveDate>,
    /// The load strip: one entry per week in `weeks`.
    pub load: Vec<WeekStrip>,
    pub lanes: Vec<Lane>,
    pub goals: Vec<GoalProgress>,
    /// The quarter's travel budget (the person's, or the team's) against its spend.
    pub budget: Option<BudgetProgress>,
    pub balance: Balance,
    pub counts: Vec<KindCount>,
    pub impact: Impact,
    /// The reporting currency every amount is in.
    pub currency: String,
    /// Cost lines left out of event costs for want of an exchange rate, with why.
    pub unconverted: Vec<String>,
}

/// One week of the load strip.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct WeekStrip {
    pub week: NaiveDate,
    /// The person's level; for the team, the worst anyone has.
    pub level: Level,
    pub load_percent: Option<f64>,
    pub planned_hours: f64,
    pub available_hours: f64,
    pub red: u32,
    pub amber: u32,
    /// Why, in one line: the worst rule's sentence, or who is at risk.
    pub reason: String,
}

text_enum!(
    LaneKind {
        Events = "events",
        Talks = "talks",
        Content = "content",
        Cfp = "cfp",
        TimeOff = "time_off",
    }
);

impl LaneKind {
    pub fn label(self) -> &'static str {
        match self {
            LaneKind::Events => "Events & travel",
            LaneKind::Talks => "Talks & prep",
            LaneKind::Content => "Content",
            LaneKind::Cfp => "CFP deadlines",
            LaneKind::TimeOff => "Time off",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Lane {
    pub kind: LaneKind,
    pub label: String,
    pub items: Vec<LaneItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct LaneItem {
    pub opens: RecordRef,
    pub label: String,
    /// One line for the tooltip: status, place, people, travel or prep.
    pub detail: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// Where the lead-in starts: travel out for events, preparation for talks, drafting for content.
    pub lead_from: Option<NaiveDate>,
    /// Where the tail ends: travel home.
    pub tail_to: Option<NaiveDate>,
    pub status: String,
    pub stage: Stage,
    pub person_ids: Vec<Uuid>,
}

text_enum!(
    /// `met`: done reaches the target; `on_track`: confirmed does; `planned`:
    /// only the plan does; `short`: even the plan falls short, by `gap`.
    GoalState {
        Met = "met",
        OnTrack = "on_track",
        Planned = "planned",
        Short = "short",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct GoalProgress {
    pub goal: Goal,
    /// `6 talks`.
    pub label: String,
    pub planned: u32,
    pub confirmed: u32,
    pub done: u32,
    /// How many more the plan needs to reach the target.
    pub gap: u32,
    pub state: GoalState,
    /// `4 planned of 6 (2 short); 3 confirmed, 1 done`.
    pub sentence: String,
    /// What counts towards it, as the timeline names it.
    pub items: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct BudgetProgress {
    pub budget_id: Uuid,
    /// The ceiling in the reporting currency, when it converts.
    #[ts(type = "number | null")]
    pub budget_minor: Option<i64>,
    /// As entered: `12,000.00 EUR`.
    pub entered: String,
    #[ts(type = "number")]
    pub planned: i64,
    #[ts(type = "number")]
    pub committed: i64,
    #[ts(type = "number")]
    pub actual: i64,
    #[ts(type = "number")]
    pub forecast: i64,
    /// The forecast stays within the ceiling.
    pub within: bool,
    pub sentence: String,
    /// Which quarter a trip's costs count in, in a sentence (the team's setting).
    pub rule: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Balance {
    /// Planned hours of every activity counted (not dropped).
    pub total_hours: f64,
    /// In `DevrelFunction::ALL` order.
    pub functions: Vec<FunctionShare>,
    pub mix: Option<TargetMix>,
    /// Whose mix applies: `Maya Okafor's own`, `the team's`, or empty when none is set.
    pub mix_source: String,
    pub activities: Vec<Activity>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct FunctionShare {
    pub function: DevrelFunction,
    pub hours: f64,
    /// Share of `total_hours`, in percent (0 when there are no hours).
    pub percent: f64,
    pub target: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Activity {
    pub activity: ActivityRef,
    pub opens: RecordRef,
    pub label: String,
    /// `Conference`, `Talk`, `Blog post`.
    pub kind_label: String,
    pub function: DevrelFunction,
    pub default_function: DevrelFunction,
    pub hours: f64,
    pub stage: Stage,
}

/// Items of one kind in the quarter, by stage.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct KindCount {
    /// `conference`, `talk`, `blog_post`.
    pub kind: String,
    pub label: String,
    pub planned: u32,
    pub confirmed: u32,
    pub done: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Impact {
    pub rows: Vec<ImpactRow>,
    pub totals: ImpactTotals,
    /// Done items still waiting for their outcome.
    pub awaiting: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ImpactRow {
    pub of: OutcomeOf,
    pub opens: RecordRef,
    pub label: String,
    pub kind_label: String,
    /// The day it happened (or was published).
    pub day: NaiveDate,
    pub done: bool,
    /// Effort: event days and travel, talk preparation, writing.
    pub hours: f64,
    /// Company travel cost charged to it (events only), in the reporting currency.
    #[ts(type = "number | null")]
    pub cost_minor: Option<i64>,
    pub outcome: Option<Outcome>,
    #[ts(type = "number | null")]
    pub cost_per_attendee_minor: Option<i64>,
    pub hours_per_view: Option<f64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
pub struct ImpactTotals {
    #[ts(type = "number")]
    pub attendance: u64,
    #[ts(type = "number")]
    pub views: u64,
    #[ts(type = "number")]
    pub signups: u64,
    #[ts(type = "number")]
    pub leads: u64,
    #[ts(type = "number")]
    pub feedback_items: u64,
    /// Mean of the talk ratings recorded.
    pub rating: Option<f64>,
    /// Effort of the items with an outcome.
    pub hours: f64,
    #[ts(type = "number")]
    pub cost_minor: i64,
    #[ts(type = "number | null")]
    pub cost_per_attendee_minor: Option<i64>,
    pub hours_per_view: Option<f64>,
}
