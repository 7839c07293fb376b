//! The plan's vocabulary: people, time off, events, talks, submissions, content, trips and budgets.
//! Plain data and the rules that make it valid; no storage, no window, no files.
//! The compiler holds that line: this crate depends on no SQL (except the
//! store's `sql` feature, which only turns its enums into text columns), no
//! Tauri, and reads no files.

#[macro_use]
mod text_enum;
pub mod acceptance;
pub mod bounds;
pub mod budget;
pub mod budget_report;
pub mod catalog;
pub mod cfp;
pub mod check;
pub mod content;
pub mod cost_export;
pub mod deletion;
pub mod ecb_rates;
pub mod error;
pub mod event;
pub mod exchange_rate;
pub mod follow_up;
pub mod holidays;
pub mod ics;
pub mod load;
pub mod money;
pub mod participation;
pub mod person;
pub mod place;
pub mod quarter;
pub mod quarter_plan;
pub mod reminder;
pub mod score;
pub mod settings;
pub mod similar;
pub mod submission;
pub mod talk;
pub mod time_off;
pub mod travel;
pub mod trip;
pub mod zone;

pub use error::{Error, Result};

pub use content::{ContentInput, ContentItem, ContentKind, ContentStatus};
pub use event::{Event, EventInput, EventKind, EventStatus, ParticipantInput};
pub use participation::{Participation, ParticipationRole};
pub use person::{Person, PersonInput, Weekday};
pub use score::{Ratings, ScoreWeights};
pub use settings::Settings;
pub use submission::{Submission, SubmissionInput, SubmissionStatus};
pub use talk::{Talk, TalkFormat, TalkInput, TalkLevel, TalkStatus, TalkVersion};
pub use time_off::{TimeOff, TimeOffInput, TimeOffKind};
