//! The calendar server's password: in the OS keychain (Secret Service on
//! Linux, Keychain on macOS, Credential Manager on Windows) under the service
//! "Quarterdeck" and the user `<user>@<server url>`, never in the plan, its
//! backups or the log. A computer without a keychain (a bare X session, CI)
//! keeps it in memory for this run only, and the window says so.

use std::collections::HashMap;
use std::sync::Mutex;

use serde::Serialize;
use ts_rs::TS;

/// The keychain entry's service name.
pub const SERVICE: &str = "Quarterdeck";

/// Where the password of the connected account is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PasswordKept {
    /// In the OS keychain: it survives a restart.
    Keychain,
    /// In memory only (no keychain here): gone when Quarterdeck closes.
    Memory,
    /// Not known yet this run (the keychain is read at the first sync).
    Unknown,
    /// Neither in memory nor in the keychain: connect again.
    Missing,
}

/// The keychain, with memory as the fallback.
pub struct Keychain {
    /// Whether to try the OS keychain at all (tests and `QUARTERDECK_KEYCHAIN=memory` do not).
    os: bool,
    /// Passwords kept for this run, and where each account's is known to be.
    kept: Mutex<HashMap<String, (Option<String>, PasswordKept)>>,
}

/// The entry's user name: one entry per account, so two servers never share one.
pub fn entry_user(server_url: &str, user: &str) -> String {
    format!("{user}@{server_url}")
}

impl Keychain {
    /// The OS keychain, unless `QUARTERDECK_KEYCHAIN=memory` asks for memory only.
    pub fn os() -> Keychain {
        let os = std::env::var("QUARTERDECK_KEYCHAIN").map_or(true, |v| v != "memory");
        Keychain { os, kept: Mutex::default() }
    }

    /// Memory only: what the tests use, so they never touch a real keychain.
    pub fn memory_only() -> Keychain {
        Keychain { os: false, kept: Mutex::default() }
    }

    fn kept(&self) -> std::sync::MutexGuard<'_, HashMap<String, (Option<String>, PasswordKept)>> {
        self.kept.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Keeps `password` for the account: in the keychain, or else in memory. Says where.
    pub fn keep(&self, server_url: &str, user: &str, password: &str) -> PasswordKept {
        let key = entry_user(server_url, user);
        let place = match self.entry(&key).map(|e| e.set_password(password)) {
            Some(Ok(())) => PasswordKept::Keychain,
            Some(Err(e)) => {
                log::warn!(
                    "no keychain on this computer ({e}); the calendar password is kept until Quarterdeck closes"
                );
                PasswordKept::Memory
            }
            None => PasswordKept::Memory,
        };
        // Kept in memory too: the keychain is not asked again this run.
        self.kept().insert(key, (Some(password.to_string()), place));
        place
    }

    /// The account's password: from memory, or else from the keychain.
    pub fn password(&self, server_url: &str, user: &str) -> Option<String> {
        let key = entry_user(server_url, user);
        if let Some((Some(password), _)) = self.kept().get(&key) {
            return Some(password.clone());
        }
        let found = self.entry(&key).and_then(|e| match e.get_password() {
            Ok(p) => Some(p),
            Err(keyring::Error::NoEntry) => None,
            Err(e) => {
                log::warn!("the keychain could not be read: {e}");
                None
            }
        });
        let place = if found.is_some() { PasswordKept::Keychain } else { PasswordKept::Missing };
        self.kept().insert(key, (found.clone(), place));
        found
    }

    /// Where the account's password is, as far as this run knows (never asks the keychain).
    pub fn whereabouts(&self, server_url: &str, user: &str) -> PasswordKept {
        self.kept().get(&entry_user(server_url, user)).map_or(PasswordKept::Unknown, |(_, place)| *place)
    }

    /// Forgets the account's password, in memory and in the keychain.
    pub fn forget(&self, server_url: &str, user: &str) {
        let key = entry_user(server_url, user);
        self.kept().remove(&key);
        if let Some(entry) = self.entry(&key) {
            match entry.delete_credential() {
                Ok(()) | Err(keyring::Error::NoEntry) => {}
                Err(e) => log::warn!("the keychain entry could not be removed: {e}"),
            }
        }
    }

    fn entry(&self, key: &str) -> Option<keyring::Entry> {
        if !self.os {
            return None;
        }
        keyring::Entry::new(SERVICE, key).inspect_err(|e| log::warn!("no keychain entry can be made here: {e}")).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_keeps_the_password_for_the_run_and_forgets_it() {
        let keychain = Keychain::memory_only();
        let url = "http://127.0.0.1:5232/";
        assert_eq!(keychain.whereabouts(url, "alice"), PasswordKept::Unknown);
        assert_eq!(keychain.keep(url, "alice", "s3cret"), PasswordKept::Memory);
        assert_eq!(keychain.password(url, "alice").as_deref(), Some("s3cret"));
        assert_eq!(keychain.password(url, "bob"), None, "one entry per account");
        assert_eq!(keychain.whereabouts(url, "bob"), PasswordKept::Missing);
        keychain.forget(url, "alice");
        assert_eq!(keychain.password(url, "alice"), None);
    }

    #[test]
    fn the_entry_names_user_and_server() {
        assert_eq!(entry_user("https://dav.example.org/", "maya"), "maya@https://dav.example.org/");
    }
}
