//! The command line's shape: `Cli` and its verbs, as clap reads them. What each
//! verb does is in `run` (mod.rs) and the printer files beside this one.

use std::ffi::OsStr;
use std::path::PathBuf;

/// How a calendar's events count for the load (the window's choice too).
pub use crate::sync::CountsAs;

use chrono::NaiveDate;
use clap::builder::TypedValueParser;
use clap::error::ErrorKind;
use clap::{Arg, Parser, Subcommand};

use crate::domain::bounds;
use crate::domain::quarter::Quarter;

#[derive(Debug, Parser)]
#[command(
    name = "quarterdeck",
    version,
    about = "Plan a DevRel quarter: events, talks, content, travel and workload risk."
)]
pub struct Cli {
    /// SQLite file to use [default: quarterdeck.db in the OS app-data folder]
    #[arg(long, global = true, env = "QUARTERDECK_DB", value_name = "FILE")]
    pub db: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Fill the database with a deterministic sample team (idempotent for the same options)
    Demo {
        /// How many people
        #[arg(long, default_value_t = 6, value_parser = clap::value_parser!(u32).range(1..=10_000))]
        people: u32,
        /// How many weeks of plan, from --from
        #[arg(long, default_value_t = 13, value_parser = clap::value_parser!(u32).range(1..=1_000))]
        weeks: u32,
        /// Random seed: the same seed gives the same team
        #[arg(long, default_value_t = 42)]
        seed: u64,
        /// First day of the plan (YYYY-MM-DD) [default: Monday of this quarter's first week]
        #[arg(long, value_name = "DATE", value_parser = bounds::parse_cli_day)]
        from: Option<NaiveDate>,
        /// The day to plan from: earlier events are done, near ones confirmed [default: today]
        #[arg(long, value_name = "DATE", value_parser = bounds::parse_cli_day)]
        today: Option<NaiveDate>,
    },
    /// List people
    People {
        /// Print a JSON array instead of a table
        #[arg(long)]
        json: bool,
    },
    /// List events, soonest first
    Events {
        /// Print a JSON array instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Write the whole plan, or one person's, as a plan file (docs/plan-format.md)
    ExportPlan {
        file: PathBuf,
        /// Only this person's plan (their events, time off and participations)
        #[arg(long, value_name = "NAME")]
        person: Option<String>,
    },
    /// Merge a plan file into the database by id, in one transaction
    ImportPlan { file: PathBuf },
    /// Import conference listings (confs.tech JSON: a file or a folder of them) into the catalog
    ImportConferences {
        /// A .json file or a folder (searched recursively)
        path: PathBuf,
        /// Print the report as JSON
        #[arg(long)]
        json: bool,
    },
    /// Download this and next year's confs.tech listings into the catalog, merged as an import is
    UpdateCatalog {
        /// Read `<URL>/<year>/<topic>.json` instead of the saved catalog source, this once
        #[arg(long, value_name = "URL")]
        from: Option<String>,
        /// Print the report as JSON
        #[arg(long)]
        json: bool,
    },
    /// List calls for papers closing soon (events being considered or with an open CFP)
    Cfps {
        /// How many days ahead (at most ten years)
        #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u32).range(1..=3_660))]
        days: u32,
        /// Print a JSON array instead of a table
        #[arg(long)]
        json: bool,
    },
    /// List the talk library with each talk's versions, submissions and acceptance rate
    Talks {
        /// Print a JSON array instead of a table
        #[arg(long)]
        json: bool,
    },
    /// List the content calendar: posts, videos, docs, newsletters, with what is overdue
    Content {
        /// Only this person's items
        #[arg(long, value_name = "NAME")]
        person: Option<String>,
        /// Only items due or publishing on or after this day (YYYY-MM-DD)
        #[arg(long, value_name = "DATE", value_parser = bounds::parse_cli_day)]
        from: Option<NaiveDate>,
        /// Only items due or publishing on or before this day (YYYY-MM-DD)
        #[arg(long, value_name = "DATE", value_parser = bounds::parse_cli_day)]
        to: Option<NaiveDate>,
        /// Print a JSON array instead of a table
        #[arg(long)]
        json: bool,
    },
    /// List trips with their travel figures (zones crossed, red-eyes, nights away, CO2) and costs
    Trips {
        /// Only this person's trips
        #[arg(long, value_name = "NAME")]
        person: Option<String>,
        /// Print a JSON array instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Budget against actual for a quarter, per person and for the team, in the reporting currency
    Budget {
        /// The quarter, like 2026Q1
        #[arg(long, value_name = "QUARTER", value_parser = QuarterParser)]
        quarter: Quarter,
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Import the European Central Bank's reference rates (CSV: Date,USD,JPY,…)
    ImportRates { file: PathBuf },
    /// Write every cost line as CSV, with each amount in the reporting currency and the rate used
    ExportCosts {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Only this quarter's costs, like 2026Q1
        #[arg(long, value_name = "QUARTER", value_parser = QuarterParser)]
        quarter: Option<Quarter>,
    },
    /// Each person's weekly load: available and planned hours by kind, the level, and every risk rule that fired
    Load {
        /// Only this person
        #[arg(long, value_name = "NAME", conflicts_with = "team")]
        person: Option<String>,
        /// Everyone, with the team's strip (the default)
        #[arg(long)]
        team: bool,
        /// First week: the week of this day (YYYY-MM-DD) [default: this week]
        #[arg(long, value_name = "DATE", value_parser = bounds::parse_cli_day)]
        from: Option<NaiveDate>,
        /// How many weeks
        #[arg(long, default_value_t = 13, value_parser = clap::value_parser!(u32).range(1..=520))]
        weeks: u32,
        /// Print JSON instead of tables
        #[arg(long)]
        json: bool,
    },
    /// Add the public holidays in an iCalendar (.ics) file as days off
    ImportHolidays {
        file: PathBuf,
        /// Only for this person [default: everyone]
        #[arg(long, value_name = "NAME")]
        person: Option<String>,
    },
    /// Write the plan as an iCalendar (.ics) file that Google, Apple, Outlook and Thunderbird read
    ExportIcs {
        /// The file to write
        #[arg(long, value_name = "FILE", conflicts_with = "folder")]
        out: Option<PathBuf>,
        /// Instead of one file, write quarterdeck-<kind>.ics for every kind into this folder
        #[arg(long, value_name = "DIR")]
        folder: Option<PathBuf>,
        /// Only this person's plan (repeat for several people) [default: the team]
        #[arg(long, value_name = "NAME", conflicts_with = "team")]
        person: Vec<String>,
        /// The whole team (the default)
        #[arg(long)]
        team: bool,
        /// events, trips, cfp, talks, content, imported, or all
        #[arg(long, default_value = "all")]
        kind: String,
        /// Leave out what ends before this day (YYYY-MM-DD)
        #[arg(long, value_name = "DATE", value_parser = bounds::parse_cli_day)]
        from: Option<NaiveDate>,
        /// Leave out what starts after this day (YYYY-MM-DD)
        #[arg(long, value_name = "DATE", value_parser = bounds::parse_cli_day)]
        to: Option<NaiveDate>,
        /// Reminders before each CFP deadline, like 7d,1d,2h ("" for none)
        #[arg(long, value_name = "LIST", default_value = "7d,1d")]
        cfp_alarms: String,
    },
    /// Import another calendar's .ics file as a person's busy time (again: updates by UID)
    ImportIcs {
        file: PathBuf,
        /// Whose calendar it is
        #[arg(long, value_name = "NAME")]
        person: String,
    },
    /// List the occurrences in an .ics file between two dates, as Quarterdeck reads them
    Occurrences {
        file: PathBuf,
        /// First day (YYYY-MM-DD)
        #[arg(long, value_name = "DATE", value_parser = bounds::parse_cli_day)]
        from: NaiveDate,
        /// Day after the last (YYYY-MM-DD)
        #[arg(long, value_name = "DATE", value_parser = bounds::parse_cli_day)]
        to: NaiveDate,
        /// Print a JSON array instead of lines
        #[arg(long)]
        json: bool,
    },
    /// Copy the whole plan to OUT as one SQLite file (SQLite's online backup: safe while the app is open)
    Backup {
        /// The file to write
        out: PathBuf,
    },
    /// Replace the whole plan with a backup; the plan as it was is kept in the backups folder first
    Restore {
        /// A backup written by `backup` or the app
        from: PathBuf,
    },
    /// A quarter's plan: goals with progress, program balance, counts by kind, budget and outcomes
    Quarter {
        /// The quarter, like 2026Q1
        #[arg(long, value_name = "QUARTER", value_parser = QuarterParser)]
        quarter: Quarter,
        /// Only this person's quarter
        #[arg(long, value_name = "NAME", conflicts_with = "team")]
        person: Option<String>,
        /// The whole team (the default)
        #[arg(long)]
        team: bool,
        /// The day progress is counted on (YYYY-MM-DD) [default: today]
        #[arg(long, value_name = "DATE", value_parser = bounds::parse_cli_day)]
        today: Option<NaiveDate>,
        /// Print JSON instead of tables
        #[arg(long)]
        json: bool,
    },
    /// Write a quarter's one-page report for a manager as a self-contained, printable HTML file
    Report {
        /// The quarter, like 2026Q1
        #[arg(long, value_name = "QUARTER", value_parser = QuarterParser)]
        quarter: Quarter,
        /// The file to write
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Only this person's quarter [default: the team, with everyone's weeks]
        #[arg(long, value_name = "NAME")]
        person: Option<String>,
        /// The day progress is counted on (YYYY-MM-DD) [default: today]
        #[arg(long, value_name = "DATE", value_parser = bounds::parse_cli_day)]
        today: Option<NaiveDate>,
    },
    /// List the conference catalog, soonest first
    Catalog {
        /// Print a JSON array instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Connect this plan to a CalDAV server (password from QUARTERDECK_CALDAV_PASSWORD): finds the
    /// account and makes a calendar per kind there
    Connect {
        /// The server's address: https://… (plain http only to this machine)
        url: String,
        /// The account's user name
        #[arg(long)]
        user: String,
        /// Who the account is in the plan (a person's name): their items are published
        #[arg(long, value_name = "PERSON")]
        me: String,
        /// Print what was found and made as JSON
        #[arg(long)]
        json: bool,
    },
    /// One sync with the connected calendar server: sends what changed in the plan since the last one
    Sync {
        /// Print the report as JSON
        #[arg(long)]
        json: bool,
    },
    /// The connected account's calendars on the server, what Quarterdeck publishes to each and which
    /// count as busy time; with --use, choose how one counts
    Calendars {
        /// A calendar of the account (its href, as listed)
        #[arg(long = "use", value_name = "HREF", requires = "counts_as")]
        use_calendar: Option<String>,
        /// How its events count for the load: busy time, out of office (days off), or not at all
        #[arg(long, value_name = "HOW", requires = "use_calendar")]
        counts_as: Option<CountsAs>,
        /// Print a JSON array instead of a table
        #[arg(long)]
        json: bool,
    },
}

/// The day a `--today` option names or, left out, the clock's today (which
/// `QUARTERDECK_NOW` sets): what its `[default: today]` means.
pub fn today_or_clock(today: Option<NaiveDate>) -> NaiveDate {
    today.unwrap_or_else(crate::clock::today)
}

/// Reads a `--quarter` value (`2026Q1`, `2026-Q1`, `2026q1`) as clap parses it. A
/// bad one is a usage error in `Quarter::parse`'s own words, naming the option:
/// `--quarter: "2026Q5" is not a quarter; write it like 2026Q1 (Q1 to Q4)`.
#[derive(Clone, Copy, Debug)]
pub struct QuarterParser;

impl TypedValueParser for QuarterParser {
    type Value = Quarter;

    fn parse_ref(&self, cmd: &clap::Command, arg: Option<&Arg>, value: &OsStr) -> Result<Quarter, clap::Error> {
        let option = arg.and_then(Arg::get_long).map_or_else(|| "--quarter".to_string(), |long| format!("--{long}"));
        Quarter::parse(&option, &value.to_string_lossy())
            .map_err(|e| clap::Error::raw(ErrorKind::ValueValidation, format!("{e}\n")).with_cmd(cmd))
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn clap_reads_quarters_and_a_bad_one_names_the_option() {
        let cli = Cli::try_parse_from(["quarterdeck", "export-costs", "--out", "c.csv", "--quarter", "2026-q1"]);
        let expected = Quarter::parse("test", "2026Q1").unwrap();
        assert!(
            matches!(cli.unwrap().command, Some(Command::ExportCosts { quarter: Some(q), .. }) if q == expected),
            "any accepted spelling is the same quarter"
        );
        let err = Cli::try_parse_from(["quarterdeck", "budget", "--quarter", "2026Q5"]).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::ValueValidation, "a usage error, as for a bad --today");
        let text = err.to_string();
        assert!(text.contains("--quarter: \"2026Q5\" is not a quarter; write it like 2026Q1 (Q1 to Q4)"), "{text}");
    }
}
