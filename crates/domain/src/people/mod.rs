//! The team: people, their working weeks, time off and public holidays.

pub mod holidays;
pub mod person;
pub mod time_off;
