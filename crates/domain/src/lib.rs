//! The plan's vocabulary: people, time off, events, talks, submissions, content, trips and budgets.
//! Plain data and the rules that make it valid; no storage, no window, no files.
//! The compiler holds that line: this crate depends on no SQL (except the
//! store's `sql` feature, which only turns its enums into text columns), no
//! Tauri, and reads no files.

#[macro_use]
mod text_enum;
pub mod bounds;
pub mod check;
pub mod deletion;
pub mod error;
pub mod ics;
pub mod ids;
pub mod load;
pub mod quarter;
pub mod quarter_plan;
pub mod settings;
pub mod valid;

// Features, one folder each.
pub mod content;
pub mod events;
pub mod money;
pub mod people;
pub mod talks;
pub mod travel;

// A feature's modules, also by their own names: `domain::trip` reads as
// `domain::travel::trip`, so call sites stay short.
pub use content::follow_up;
pub use events::{catalog, catalog_source, cfp, event, participation, reminder, score};
pub use money::{budget, budget_quarter, budget_report, cost_export, ecb_rates, exchange_rate};
pub use people::{holidays, person, time_off};
pub use talks::{acceptance, similar, submission, talk};
pub use travel::{place, trip, zone};

pub use error::{Error, Result};
pub use ids::{ContentId, EventId, SubmissionId, TalkId};
pub use valid::Valid;

pub use content::{ContentInput, ContentItem, ContentKind, ContentStatus};
pub use event::{Event, EventInput, EventKind, EventStatus, ParticipantInput};
pub use participation::{Participation, ParticipationRole};
pub use person::{Person, PersonInput, Weekday};
pub use score::{Ratings, ScoreWeights};
pub use settings::Settings;
pub use submission::{Submission, SubmissionInput, SubmissionStatus};
pub use talk::{Talk, TalkFormat, TalkInput, TalkLevel, TalkStatus, TalkVersion};
pub use time_off::{TimeOff, TimeOffInput, TimeOffKind};
