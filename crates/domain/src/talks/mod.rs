//! The talk library: talks and their versions, CFP submissions, acceptance rates and near-duplicates.

pub mod acceptance;
pub mod similar;
pub mod submission;
pub mod talk;
