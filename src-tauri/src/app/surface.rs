//! The IPC surface, from the one list in `command_list.rs`: the invoke
//! handler, a compile-time check of each declaration against its function,
//! the declarations as data (`COMMANDS`, for the tests), the typed TypeScript
//! wrappers and the window's capability.

use chrono::NaiveDate;
use tauri::ipc::{Channel, Invoke};
use tauri::{AppHandle, Runtime, State, Webview, WebviewWindow, Window};
use ts_rs::{Config, TS};
use uuid::Uuid;

use super::calendar_sync::{CalendarSyncState, ServerLogin};
use super::chooser::Picked;
use super::chosen_files::ChosenFile;
use super::commands::{CalendarExport, CalendarProgress};
use super::file_commands::{BackupShown, RestoreShown, WrittenCalendar};
use super::written_files::WrittenKind;
use super::{Deletion, commands, file_commands};
use crate::disk::backups::BackupList;
use crate::domain::budget::{Budget, BudgetInput};
use crate::domain::budget_report::BudgetReport;
use crate::domain::catalog::{CatalogEntry, ImportProgress};
use crate::domain::catalog_source::CatalogSource;
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
    ContentInput, ContentItem, Event, EventId, EventInput, Person, PersonInput, Ratings, ScoreWeights, Settings,
    Submission, SubmissionInput, Talk, TalkId, TalkInput, TimeOff, TimeOffInput,
};
use crate::ipc::{AppInfo, PlanView};
use crate::store::{CatalogImport, ImportSummary, Me, PlanChange};
use crate::sync::{CalendarChoice, CountsAs};

/// Path of the generated wrappers, relative to the `src-tauri` crate.
pub const COMMANDS_FILE: &str = "../ui/src/lib/ipc/commands.ts";

/// Path of the main window's capability, relative to the `src-tauri` crate.
pub const CAPABILITY_FILE: &str = "capabilities/main-window.json";

/// One declared command, as the list says it.
#[derive(Debug)]
pub struct Command {
    pub name: &'static str,
    /// `commands` or `file_commands`: where its function is.
    pub module: &'static str,
    pub args: &'static [Arg],
    doc: &'static [&'static str],
    answer: fn(&Config) -> String,
}

/// One argument the page sends, as declared.
#[derive(Debug)]
pub struct Arg {
    /// The Rust name; Tauri reads it from the page in camelCase (`js_name`).
    pub name: &'static str,
    /// The Rust type as written in the list.
    pub ty: &'static str,
    /// The TypeScript type, or for a `Channel<T>` that of `T`.
    ts: fn(&Config) -> String,
    channel: bool,
}

impl Arg {
    const fn plain(name: &'static str, ty: &'static str, ts: fn(&Config) -> String) -> Arg {
        Arg { name, ty, ts, channel: false }
    }

    const fn channel(name: &'static str, ty: &'static str, ts: fn(&Config) -> String) -> Arg {
        Arg { name, ty, ts, channel: true }
    }

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

/// The declared arguments as `Arg`s; a `Channel<T>` is marked, for the wrapper to create it.
macro_rules! args {
    ([$($done:expr),*]) => { &[$($done),*] };
    ([$($done:expr),*] $name:ident : Channel<$p:ty> $(, $($rest:tt)*)?) => {
        args!([$($done,)* Arg::channel(stringify!($name), stringify!(Channel<$p>), <$p as TS>::name)] $($($rest)*)?)
    };
    ([$($done:expr),*] $name:ident : $t:ty $(, $($rest:tt)*)?) => {
        args!([$($done,)* Arg::plain(stringify!($name), stringify!($t), <$t as TS>::name)] $($($rest)*)?)
    };
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
                args: args!([] $($args)*),
                doc: &[$($doc),*],
                answer: <$answer as TS>::name,
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

/// The `api` object of typed wrappers, one per declared command with its
/// arguments in the declared order, for `ui/src/lib/ipc/commands.ts`.
pub fn typescript() -> String {
    let cfg = Config::new();
    let mut body = String::new();
    let mut named = Vec::new();
    let mut channels = false;
    for command in COMMANDS {
        let answer = (command.answer)(&cfg);
        let (mut params, mut fields) = (Vec::new(), Vec::new());
        for arg in command.args {
            let (js, ts) = (arg.js_name(), (arg.ts)(&cfg));
            named.extend(type_names(&ts));
            if arg.channel {
                channels = true;
                params.push(format!("{js}: (p: {ts}) => void"));
                fields.push(format!("{js}: new Channel({js})"));
            } else {
                params.push(format!("{js}: {ts}"));
                fields.push(js);
            }
        }
        named.extend(type_names(&answer));
        match command.doc {
            [] => {}
            [one] => body.push_str(&format!("  /** {} */\n", one.trim())),
            lines => {
                body.push_str("  /**\n");
                for line in lines {
                    body.push_str(&format!("   * {}\n", line.trim()));
                }
                body.push_str("   */\n");
            }
        }
        let args = if fields.is_empty() { String::new() } else { format!(", {{ {} }}", fields.join(", ")) };
        let head = format!("  {}: ({}) =>", command.js_name(), params.join(", "));
        let call = format!("invoke<{answer}>('{}'{args}),", command.name);
        if head.len() + 1 + call.len() <= 120 {
            body.push_str(&format!("{head} {call}\n"));
        } else {
            body.push_str(&format!("{head}\n    {call}\n"));
        }
    }
    named.sort();
    named.dedup();
    let mut out = String::from(
        "// Generated from the command list (src-tauri/src/app/command_list.rs) by src-tauri/src/app/surface.rs.\n\
         // Do not edit: run `UPDATE_BINDINGS=1 cargo test bindings` after changing the list.\n",
    );
    let core = if channels { "Channel, invoke" } else { "invoke" };
    out.push_str(&format!("import {{ {core} }} from '@tauri-apps/api/core';\n"));
    out.push_str("import type {\n");
    for name in &named {
        out.push_str(&format!("  {name},\n"));
    }
    out.push_str("} from './types';\n\n");
    out.push_str("/** A typed wrapper of each IPC command, its arguments in their declared order. */\n");
    out.push_str("export const api = {\n");
    out.push_str(&body);
    out.push_str("};\n");
    out
}

/// The types a TypeScript type names, for the import from types.ts.
fn type_names(ts: &str) -> Vec<String> {
    const BUILT_IN: [&str; 2] = ["Array", "Record"];
    ts.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| w.starts_with(|c: char| c.is_ascii_uppercase()) && !BUILT_IN.contains(w))
        .map(str::to_string)
        .collect()
}

/// The capability `current` with its `allow-…` permissions those of the
/// declared commands, in the list's order; its other permissions (Tauri's
/// and plugins', chosen by hand) and fields are kept as they are.
pub fn capability(current: &str) -> String {
    use serde_json::{Map, Value};
    let mut fields: Map<String, Value> = serde_json::from_str(current).expect("the capability is a JSON object");
    let kept = fields.get("permissions").and_then(Value::as_array).cloned().unwrap_or_default();
    let kept = kept.into_iter().filter(|p| !p.as_str().is_some_and(|p| p.starts_with("allow-")));
    let declared = COMMANDS.iter().map(|c| Value::from(format!("allow-{}", c.name.replace('_', "-"))));
    fields.insert("permissions".into(), kept.chain(declared).collect());
    // serde_json sorts keys: write the usual ones in the usual order, then the rest.
    const ORDER: [&str; 5] = ["$schema", "identifier", "description", "windows", "permissions"];
    let mut keys: Vec<&String> = fields.keys().filter(|k| !ORDER.contains(&k.as_str())).collect();
    let usual = ORDER.iter().filter_map(|k| fields.get_key_value(*k).map(|(k, _)| k));
    keys.splice(0..0, usual);
    let lines: Vec<String> = keys
        .iter()
        .map(|k| {
            let value = serde_json::to_string_pretty(&fields[k.as_str()]).unwrap().replace('\n', "\n  ");
            format!("  {}: {value}", Value::from(k.as_str()))
        })
        .collect();
    format!("{{\n{}\n}}\n", lines.join(",\n"))
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
    fn the_wrappers_import_only_types_that_types_ts_exports() {
        let types = crate::bindings::typescript();
        let wrappers = typescript();
        let imports = &wrappers[wrappers.find("import type {").unwrap()..wrappers.find("} from './types'").unwrap()];
        for name in imports.lines().skip(1).map(|l| l.trim().trim_end_matches(',')) {
            let exported = [" ", "<"].iter().any(|after| types.contains(&format!("export type {name}{after}")));
            assert!(exported, "types.ts does not export {name}");
        }
    }

    #[test]
    fn names_turn_camel_case_as_tauri_turns_them() {
        assert_eq!(camel_case("list_time_zones"), "listTimeZones");
        assert_eq!(camel_case("on_progress"), "onProgress");
        assert_eq!(camel_case("id"), "id");
    }

    #[test]
    fn a_channel_becomes_a_callback_the_wrapper_wraps() {
        let wrappers = typescript();
        assert!(
            wrappers.contains(
                "importCatalog: (wholeFolder: boolean, onProgress: (p: ImportProgress) => void) =>\n    \
                 invoke<Picked<CatalogImport>>('import_catalog', { wholeFolder, onProgress: new Channel(onProgress) }),"
            ),
            "{wrappers}"
        );
        assert!(wrappers.contains("  appInfo: () => invoke<AppInfo>('app_info'),\n"), "{wrappers}");
    }
}
