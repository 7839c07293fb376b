//! Quarterdeck: a desktop DevRel program planner.
//!
//! The domain (`domain`), the SQLite store (`store`), the plan file format
//! (`plan_file`) and the sample team (`demo`) are plain Rust with no Tauri
//! types; the window (`app`) and the command line (`cli`) are thin shells
//! over them.

pub mod app;
pub mod backups;
pub mod bindings;
pub mod calendar_files;
pub mod cli;
pub mod clock;
pub mod demo;
pub mod domain;
pub mod error;
pub mod files;
pub mod ipc;
pub mod paths;
pub mod plan_file;
pub mod report_file;
pub mod store;

pub use error::{Error, Result};
