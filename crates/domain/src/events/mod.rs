//! The conference pipeline: events, who goes, CFPs and their reminders, scores and the public catalog.

pub mod catalog;
pub mod catalog_source;
pub mod cfp;
pub mod event;
pub mod participation;
pub mod reminder;
pub mod score;
