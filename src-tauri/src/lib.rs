//! Quarterdeck: a desktop DevRel program planner.
//!
//! Crates by layer: the domain (`quarterdeck-domain`: the plan's vocabulary and
//! rules, no storage, window or files) <- the store (`quarterdeck-store`: the
//! only SQL, the plan file format, the sample team) <- this crate: the window
//! (`app`), the command line (`cli`) and the files on disk, thin shells over
//! the two below. They are re-exported here under their layer names so that
//! `crate::domain::…` and `crate::store::…` read the same everywhere.

pub use quarterdeck_domain as domain;
pub use quarterdeck_store as store;
pub use quarterdeck_store::{Error, Result};
pub use quarterdeck_store::{clock, demo, error, files, plan_file};

pub mod app;
pub mod bindings;
pub mod cli;
pub mod disk;
pub mod ipc;
pub mod locale;
pub mod sync;
pub mod web;
