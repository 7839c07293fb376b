//! The IPC surface, from the one list in `command_list.rs`: the invoke
//! handler, a compile-time check of each declaration against its function,
//! and the declarations as data (`COMMANDS`, for the tests).

use chrono::NaiveDate;
use tauri::ipc::{Channel, Invoke};
use tauri::{AppHandle, Runtime, State, Webview, WebviewWindow, Window};
use uuid::Uuid;

use super::chooser::Picked;
use super::chosen_files::ChosenFile;
use super::commands::{CalendarExport, CalendarProgress};
use super::file_commands::{BackupShown, RestoreShown, WrittenCalendar};
use super::{Deletion, commands, file_commands};
use crate::backups::BackupList;
use crate::domain::budget::{Budget, BudgetInput};
use crate::domain::budget_report::BudgetReport;
use crate::domain::catalog::{CatalogEntry, ImportProgress};
use crate::domain::exchange_rate::{ExchangeRate, RateInput, RateSummary, RatesImport};
use crate::domain::follow_up::{FollowUpInput, FollowUpPlan};
use crate::domain::holidays::HolidayImport;
use crate::domain::ics::import::CalendarImport;
use crate::domain::load::{ThresholdValues, WeekChange};
use crate::domain::place::Place;
use crate::domain::quarter_plan::{
    FunctionChoice, Goal, GoalInput, Outcome, OutcomeInput, QuarterView, TargetMix, TargetMixInput,
};
use crate::domain::similar::DuplicateWarning;
use crate::domain::travel::TripFacts;
use crate::domain::trip::{Trip, TripInput};
use crate::domain::{
    ContentInput, ContentItem, Event, EventInput, Person, PersonInput, Ratings, ScoreWeights, Settings, Submission,
    SubmissionInput, Talk, TalkInput, TimeOff, TimeOffInput,
};
use crate::ipc::{AppInfo, PlanView};
use crate::store::{CatalogImport, ImportSummary, PlanChange};

/// One declared command, as the list says it.
#[derive(Debug)]
pub struct Command {
    pub name: &'static str,
    /// `commands` or `file_commands`: where its function is.
    pub module: &'static str,
    pub args: &'static [Arg],
}

/// One argument the page sends, as declared.
#[derive(Debug)]
pub struct Arg {
    /// The Rust name; Tauri reads it from the page in camelCase (`js_name`).
    pub name: &'static str,
    /// The Rust type as written in the list.
    pub ty: &'static str,
}

impl Arg {
    /// The key the page sends it under.
    pub fn js_name(&self) -> String {
        camel_case(self.name)
    }
}

impl Command {
    /// The `api` method the page calls.
    pub fn js_name(&self) -> String {
        camel_case(self.name)
    }
}

/// `list_time_zones` as `listTimeZones`, as Tauri renames arguments.
fn camel_case(snake: &str) -> String {
    let mut out = String::new();
    for (i, word) in snake.split('_').enumerate() {
        let mut chars = word.chars();
        match chars.next() {
            Some(first) if i > 0 => out.extend(first.to_uppercase().chain(chars)),
            _ => out.push_str(word),
        }
    }
    out
}

/// A parameter Tauri fills in itself: never sent by the page, never declared.
pub trait Injected {}
impl<T: Send + Sync + 'static> Injected for State<'_, T> {}
impl<R: Runtime> Injected for AppHandle<R> {}
impl<R: Runtime> Injected for Window<R> {}
impl<R: Runtime> Injected for Webview<R> {}
impl<R: Runtime> Injected for WebviewWindow<R> {}

/// What a command function returns answers `T` to the page: `T` itself, or
/// `Ok(T)` (an `Err` crosses as a typed error).
pub trait Answers<T> {}
impl<T> Answers<T> for T {}
impl<T> Answers<T> for crate::Result<T> {}

/// A function that takes `Injected` parameters, then `Args`, and answers `T`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not match its line in command_list.rs",
    label = "declared as taking `{Args}` (after any `State`s) and answering `{T}`"
)]
pub trait CommandFn<Injected, Args, T> {}

macro_rules! command_fns {
    ($([$($i:ident)*])*; $args:tt) => { $( command_fns!(@one [$($i)*] $args); )* };
    (@one $injected:tt [$([$($a:ident)*])*]) => { $( command_fns!(@impl $injected [$($a)*]); )* };
    (@impl [$($i:ident)*] [$($a:ident)*]) => {
        impl<F, R, T, $($i: Injected,)* $($a,)*> CommandFn<($($i,)*), ($($a,)*), T> for F
        where
            F: Fn($($i,)* $($a,)*) -> R,
            R: Answers<T>,
        {
        }
    };
}
command_fns!([] [I1] [I1 I2] [I1 I2 I3] [I1 I2 I3 I4]; [[] [A1] [A1 A2] [A1 A2 A3] [A1 A2 A3 A4]]);

/// Fails to compile unless `f` takes the declared `Args` and answers `T`.
const fn declared<Args, T, I, F: CommandFn<I, Args, T>>(_: &F) {}

/// The declared arguments as `Arg`s.
macro_rules! args {
    ($($name:ident : $t:ty),* $(,)?) => { &[$(Arg { name: stringify!($name), ty: stringify!($t) }),*] };
}

/// The declared argument types as a tuple.
macro_rules! arg_types {
    ($($name:ident : $t:ty),* $(,)?) => { ($($t,)*) };
}

macro_rules! declare {
    ($( $(#[doc = $doc:literal])* $module:ident :: $name:ident ( $($args:tt)* ) -> $answer:ty; )*) => {
        /// Every declared command, in the list's order.
        pub const COMMANDS: &[Command] = &[$(
            Command {
                name: stringify!($name),
                module: stringify!($module),
                args: args!($($args)*),
            }
        ),*];

        // Each line's argument and answer types are its function's.
        const _: () = { $( declared::<arg_types!($($args)*), $answer, _, _>(&$module::$name); )* };
    };
}
command_list!(declare);

macro_rules! handler {
    ($( $(#[doc = $doc:literal])* $module:ident :: $name:ident ( $($args:tt)* ) -> $answer:ty; )*) => {
        tauri::generate_handler![$($module::$name),*]
    };
}

/// The invoke handler of every declared command.
pub fn handler<R: Runtime>() -> impl Fn(Invoke<R>) -> bool + Send + Sync + 'static {
    command_list!(handler)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn build_rs_names_the_declared_commands() {
        let declared: Vec<&str> = COMMANDS.iter().map(|c| c.name).collect();
        let built: Vec<&str> = env!("QUARTERDECK_BUILD_COMMANDS").split(',').collect();
        assert_eq!(built, declared, "build.rs's COMMANDS (its `allow-…` permissions) are the declared commands");
    }

    #[test]
    fn each_command_and_argument_is_declared_once() {
        let mut names: Vec<String> = COMMANDS.iter().map(Command::js_name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), COMMANDS.len(), "two commands have the same wrapper name");
        for command in COMMANDS {
            let mut args: Vec<String> = command.args.iter().map(Arg::js_name).collect();
            args.sort();
            args.dedup();
            assert_eq!(args.len(), command.args.len(), "`{}` declares an argument twice", command.name);
        }
    }
    #[test]
    fn names_turn_camel_case_as_tauri_turns_them() {
        assert_eq!(camel_case("list_time_zones"), "listTimeZones");
        assert_eq!(camel_case("on_progress"), "onProgress");
        assert_eq!(camel_case("id"), "id");
    }
}
