//! What the app reads from the web for the plan: today only the conference
//! catalog's listings ("Update catalog"), over one small bounded HTTP client.

pub mod catalog_download;
pub mod fetch;
