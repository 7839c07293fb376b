//! A second CalDAV server for the tests, unlike Radicale where servers differ:
//! Xandikos (from PyPI, pinned in tests/caldav/requirements.txt) keeps its
//! own paths (`/user/calendars/`), sends no calendar data inside sync
//! reports and answers 412 for a stale sync token. Single-user, without
//! authentication, on a free loopback port; stopped when dropped.

#![allow(dead_code)]

use std::process::{Child, Command, Stdio};

use super::radicale::{free_port, python, wait_for};

pub struct Xandikos {
    child: Child,
    pub port: u16,
    pub dir: tempfile::TempDir,
}

impl Xandikos {
    pub fn start() -> Xandikos {
        let dir = tempfile::tempdir().unwrap();
        let port = free_port();
        let log = std::fs::File::create(dir.path().join("xandikos.log")).unwrap();
        let child = Command::new(python())
            .args(["-m", "xandikos", "serve", "--defaults", "-l", "127.0.0.1", "-p", &port.to_string(), "-d"])
            .arg(dir.path().join("data"))
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .expect("Xandikos starts");
        wait_for(port, "Xandikos");
        Xandikos { child, port, dir }
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.port)
    }
}

impl Drop for Xandikos {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
