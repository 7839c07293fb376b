//! TypeScript declarations for every IPC shape, generated from the Rust types
//! with ts-rs into one committed file. A test fails when the file drifts;
//! `UPDATE_BINDINGS=1 cargo test bindings` rewrites it.

use ts_rs::{Config, TS};

use crate::app::calendar_sync::{AccountShown, CalendarSyncState, ServerLogin, SyncCounts};
use crate::app::chooser::Picked;
use crate::app::chosen_files::ChosenFile;
use crate::app::commands::{CalendarExport, CalendarProgress};
use crate::app::file_commands::{BackupShown, RestoreShown, WrittenCalendar};
use crate::app::written_files::WrittenKind;
use crate::app::{CfpReminderShown, Deletion};
use crate::disk::backups::{BackupFile, BackupList};
use crate::domain::acceptance::{Acceptance, AcceptanceReport};
use crate::domain::budget::{Budget, BudgetInput};
use crate::domain::budget_quarter::BudgetQuarterRule;
use crate::domain::budget_report::{BudgetAlert, BudgetReport, BudgetRow, ConvertedAmount, CostConversion, Spend};
use crate::domain::catalog::{CatalogEntry, ImportProgress, ImportStage, Skipped};
use crate::domain::catalog_source::CatalogSource;
use crate::domain::cfp::CfpClosing;
use crate::domain::content::{EffortDefault, OverdueContent};
use crate::domain::deletion::RecordKind;
use crate::domain::ecb_rates::SkippedLine;
use crate::domain::exchange_rate::{ExchangeRate, RateInput, RateSource, RateSummary, RatesImport};
use crate::domain::follow_up::{FollowUpInput, FollowUpPlan};
use crate::domain::holidays::{Holiday, HolidayImport};
use crate::domain::ics::import::CalendarImport;
use crate::domain::ics::import_count::ImportCount;
use crate::domain::ics::plan_items::CalendarKind;
use crate::domain::load::thresholds::ThresholdGroup;
use crate::domain::load::{
    Flag, HoursByKind, Level, PersonLoad, RuleId, TeamLoad, TeamWeek, ThresholdSpec, WeekChange, WeekLoad,
};
use crate::domain::place::Place;
use crate::domain::quarter::Quarter;
use crate::domain::quarter_plan::{
    Activity, ActivityFunction, ActivityRef, Balance, BudgetProgress, DevrelFunction, FunctionChoice, FunctionShare,
    Goal, GoalInput, GoalMetric, GoalProgress, GoalState, Impact, ImpactRow, ImpactTotals, KindCount, Lane, LaneItem,
    LaneKind, Outcome, OutcomeInput, OutcomeOf, QuarterView, RecordRef, Stage, TargetMix, TargetMixInput, WeekStrip,
};
use crate::domain::score::EventScore;
use crate::domain::similar::DuplicateWarning;
use crate::domain::travel::{Co2Factor, Segment, SegmentFacts, ShiftDirection, TravelMode, TripFacts};
use crate::domain::trip::{
    CostCategory, CostLine, CostLineInput, Payer, PlaceInput, SegmentInput, Trip, TripInput, TripStatus,
};
use crate::domain::{
    ContentId, ContentInput, ContentItem, ContentKind, ContentStatus, Event, EventId, EventInput, EventKind,
    EventStatus, ParticipantInput, Participation, ParticipationRole, Person, PersonInput, Ratings, ScoreWeights,
    Settings, Submission, SubmissionId, SubmissionInput, SubmissionStatus, Talk, TalkFormat, TalkId, TalkInput,
    TalkLevel, TalkStatus, TalkVersion, TimeOff, TimeOffInput, TimeOffKind, Weekday,
};
use crate::error::{ApiError, ErrorCode};
use crate::ipc::{AppInfo, PlanView, ThresholdsView, TripFigures};
use crate::plan_file::Plan;
use crate::store::{CatalogImport, Counts, ImportSummary, ImportedCalendar, Me, PlanChange};
use crate::sync::{CalendarChoice, CountsAs, PasswordKept};

/// Path of the generated file, relative to the `src-tauri` crate.
pub const TYPES_FILE: &str = "../ui/src/lib/ipc/types.ts";

pub fn typescript() -> String {
    let cfg = Config::new();
    let mut out = String::from(
        "// Generated from the Rust types by src-tauri/src/bindings.rs. Do not edit:\n\
         // run `UPDATE_BINDINGS=1 cargo test bindings` after changing a type.\n\n",
    );
    macro_rules! declare {
        ($($t:ty),+ $(,)?) => { $( out.push_str(&format!("export {}\n\n", <$t>::decl(&cfg))); )+ };
    }
    declare!(
        ErrorCode,
        ApiError,
        AppInfo,
        Me,
        EventId,
        TalkId,
        SubmissionId,
        ContentId,
        Weekday,
        Person,
        PersonInput,
        TimeOffKind,
        TimeOff,
        TimeOffInput,
        EventKind,
        EventStatus,
        Event,
        EventInput,
        ParticipantInput,
        ParticipationRole,
        Participation,
        Counts,
        ImportSummary,
        Plan,
        CatalogEntry,
        Skipped,
        CatalogImport,
        CatalogSource,
        CfpClosing,
        ImportStage,
        ImportProgress,
        Ratings,
        ScoreWeights,
        EventScore,
        BudgetQuarterRule,
        Settings,
        TalkFormat,
        TalkLevel,
        TalkStatus,
        Talk,
        TalkInput,
        TalkVersion,
        SubmissionStatus,
        Submission,
        SubmissionInput,
        Acceptance,
        AcceptanceReport,
        DuplicateWarning,
        CfpReminderShown,
        RecordKind,
        Deletion,
        ContentKind,
        ContentStatus,
        ContentItem,
        ContentInput,
        EffortDefault,
        OverdueContent,
        FollowUpInput,
        FollowUpPlan,
        Quarter,
        Place,
        TravelMode,
        Segment,
        ShiftDirection,
        Co2Factor,
        SegmentFacts,
        TripFacts,
        TripStatus,
        CostCategory,
        Payer,
        CostLine,
        Trip,
        PlaceInput,
        SegmentInput,
        CostLineInput,
        TripInput,
        ConvertedAmount,
        CostConversion,
        TripFigures,
        Budget,
        BudgetInput,
        Spend,
        BudgetAlert,
        BudgetRow,
        BudgetReport,
        RateSource,
        ExchangeRate,
        RateInput,
        RateSummary,
        SkippedLine,
        RatesImport,
        Level,
        RuleId,
        Flag,
        HoursByKind,
        WeekLoad,
        PersonLoad,
        TeamWeek,
        TeamLoad,
        ThresholdGroup,
        ThresholdSpec,
        ThresholdsView,
        WeekChange,
        PlanChange,
        Holiday,
        HolidayImport,
        CalendarKind,
        ImportCount,
        CalendarImport,
        ImportedCalendar,
        CalendarExport,
        CalendarProgress,
        BackupFile,
        BackupList,
        BackupShown,
        RestoreShown,
        Picked<()>,
        ChosenFile,
        WrittenCalendar,
        WrittenKind,
        PlanView,
        DevrelFunction,
        ActivityRef,
        ActivityFunction,
        FunctionChoice,
        GoalMetric,
        Goal,
        GoalInput,
        TargetMix,
        TargetMixInput,
        OutcomeOf,
        Outcome,
        OutcomeInput,
        Stage,
        RecordRef,
        WeekStrip,
        LaneKind,
        Lane,
        LaneItem,
        GoalState,
        GoalProgress,
        BudgetProgress,
        FunctionShare,
        Activity,
        Balance,
        KindCount,
        ImpactRow,
        ImpactTotals,
        Impact,
        QuarterView,
        CountsAs,
        CalendarChoice,
        PasswordKept,
        AccountShown,
        SyncCounts,
        CalendarSyncState,
        ServerLogin,
    );
    macro_rules! values {
        ($($name:literal: $t:ty),+ $(,)?) => { $(
            let words: Vec<String> = <$t>::ALL.iter().map(|v| format!("\"{}\"", v.as_str())).collect();
            out.push_str(&format!(
                "export const {}: readonly {}[] = [{}];\n\n",
                $name, stringify!($t), words.join(", ")
            ));
        )+ };
    }
    values!(
        "WEEKDAYS": Weekday,
        "TIME_OFF_KINDS": TimeOffKind,
        "EVENT_KINDS": EventKind,
        "EVENT_STATUSES": EventStatus,
        "PARTICIPATION_ROLES": ParticipationRole,
        "TALK_FORMATS": TalkFormat,
        "TALK_LEVELS": TalkLevel,
        "TALK_STATUSES": TalkStatus,
        "SUBMISSION_STATUSES": SubmissionStatus,
        "CONTENT_KINDS": ContentKind,
        "CONTENT_STATUSES": ContentStatus,
        "TRAVEL_MODES": TravelMode,
        "TRIP_STATUSES": TripStatus,
        "COST_CATEGORIES": CostCategory,
        "PAYERS": Payer,
        "LEVELS": Level,
        "RULE_IDS": RuleId,
        "THRESHOLD_GROUPS": ThresholdGroup,
        "CALENDAR_KINDS": CalendarKind,
        "DEVREL_FUNCTIONS": DevrelFunction,
        "GOAL_METRICS": GoalMetric,
        "LANE_KINDS": LaneKind,
        "COUNTS_AS": CountsAs,
    );
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::app::surface;

    /// Fails when the committed file at `path` (relative to `src-tauri`) is
    /// not `fresh`; with `UPDATE_BINDINGS` set, writes `fresh` there first.
    fn committed(path: &str, fresh: &str, what: &str) {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, fresh).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == fresh,
            "{} is out of date with {what}; run `UPDATE_BINDINGS=1 cargo test bindings` and commit it",
            path.display()
        );
    }

    #[test]
    fn bindings_match_the_committed_file() {
        committed(super::TYPES_FILE, &super::typescript(), "the Rust types");
    }

    #[test]
    fn command_wrappers_match_the_committed_file() {
        committed(surface::COMMANDS_FILE, &surface::typescript(), "the command list");
    }

    /// The window may call exactly the declared commands, besides the
    /// permissions of Tauri and plugins that its capability names by hand.
    #[test]
    fn the_capability_allows_exactly_the_declared_commands() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(surface::CAPABILITY_FILE);
        let current = std::fs::read_to_string(&path).unwrap();
        committed(surface::CAPABILITY_FILE, &surface::capability(&current), "the command list");
        let capability: serde_json::Value = serde_json::from_str(&current).unwrap();
        let others: Vec<&str> = capability["permissions"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|p| p.as_str().filter(|p| !p.starts_with("allow-")))
            .collect();
        assert_eq!(others, ["core:event:default"], "the window gets no plugin permission (DEVELOPERS.md, Security)");
    }
}
