//! iCalendar (RFC 5545): other apps' calendars read in as busy time, and the
//! plan written out for Google, Apple, Outlook and Thunderbird.

pub mod export;
#[cfg(test)]
mod fuzz;
pub mod import;
pub mod import_count;
pub mod occurrences;
pub mod plan_items;
pub mod reader;
pub mod recur;
pub mod remote_edit;
pub mod value;
pub mod windows_zones;
pub mod write;
pub mod zone;
