//! A real CalDAV server for the tests: Radicale (from PyPI, pinned in
//! tests/caldav/requirements.txt, installed by `scripts/setup.sh --test` into
//! target/caldav-venv), started on a free loopback port with its own folder
//! and users, and stopped when the fixture is dropped.

#![allow(dead_code)]

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The users every test server knows, with their passwords.
pub const USERS: &[(&str, &str)] = &[("alice", "alice-secret"), ("bob", "bob-secret"), ("mgr", "mgr-secret")];

pub struct Radicale {
    child: Child,
    pub port: u16,
    pub dir: tempfile::TempDir,
}

/// The Python that has Radicale and the `caldav` client.
pub fn python() -> PathBuf {
    let path = std::env::var_os("QUARTERDECK_CALDAV_PYTHON").map(PathBuf::from).unwrap_or_else(|| {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .ancestors()
            .find(|p| p.join("Cargo.lock").is_file())
            .unwrap()
            .join("target/caldav-venv/bin/python")
    });
    assert!(
        path.is_file(),
        "Radicale is missing: run scripts/setup.sh --test (or set QUARTERDECK_CALDAV_PYTHON); looked for {}",
        path.display()
    );
    path
}

/// A loopback port nothing listens on right now.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Waits until something accepts connections on `port`.
pub fn wait_for(port: u16, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    while TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_err() {
        assert!(Instant::now() < deadline, "{what} did not start on port {port}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

impl Radicale {
    pub fn start() -> Radicale {
        let dir = tempfile::tempdir().unwrap();
        let port = free_port();
        let users: String = USERS.iter().map(|(u, p)| format!("{u}:{p}\n")).collect();
        std::fs::write(dir.path().join("users"), users).unwrap();
        let config = format!(
            "[server]\nhosts = 127.0.0.1:{port}\n\n[auth]\ntype = htpasswd\nhtpasswd_filename = {users}\nhtpasswd_encryption = plain\n\n[rights]\ntype = owner_write\n\n[storage]\nfilesystem_folder = {storage}\n\n[logging]\nlevel = warning\n",
            users = dir.path().join("users").display(),
            storage = dir.path().join("collections").display(),
        );
        std::fs::write(dir.path().join("config"), config).unwrap();
        let child = spawn(dir.path());
        wait_for(port, "Radicale");
        Radicale { child, port, dir }
    }

    /// Stops the server, as a network outage would (its data stays).
    pub fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Starts it again on the same port with the same data.
    pub fn restart(&mut self) {
        self.child = spawn(self.dir.path());
        wait_for(self.port, "Radicale");
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.port)
    }

    /// Runs `script` with the independent `caldav` client; its stdout.
    pub fn python_client(&self, script: &str, args: &[&str]) -> String {
        let out = Command::new(python()).arg("-c").arg(script).args(args).stdin(Stdio::null()).output().unwrap();
        assert!(out.status.success(), "the caldav client failed: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    }
}

fn spawn(dir: &Path) -> Child {
    let log = std::fs::OpenOptions::new().create(true).append(true).open(dir.join("radicale.log")).unwrap();
    Command::new(python())
        .args(["-m", "radicale", "--config"])
        .arg(dir.join("config"))
        .stdin(Stdio::null())
        .stdout(log.try_clone().unwrap())
        .stderr(log)
        .spawn()
        .expect("Radicale starts")
}

impl Drop for Radicale {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
