//! The files on disk the app reads and writes for the user, the same for the
//! window and the command line: where the plan lives, its daily backups, the
//! calendar files, conference listings and quarter reports. (The plan file's
//! own database, copies and plan-file format are the store's.)

pub mod backups;
pub mod calendar_files;
pub mod catalog_files;
pub mod paths;
pub mod report_file;
