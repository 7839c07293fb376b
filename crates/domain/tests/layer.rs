//! The domain stays the bottom layer: it depends on no storage, window or
//! network crate, and its code reads no files, environment or clock of its
//! own. Time and text come in from the layers above, which is what keeps its
//! rules testable on any day and its tests free of Tauri's build.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Crates that would make the domain a storage, window or network layer.
const FORBIDDEN_CRATES: &[&str] =
    &["rusqlite", "libsqlite3-sys", "tauri", "wry", "tao", "webkit2gtk", "gtk", "reqwest", "hyper", "tokio"];

/// What reaches outside the process. Tests (`#[cfg(test)]` modules, at the
/// end of a file or in their own files) may read fixtures; the code may not.
const FORBIDDEN_CALLS: &[&str] = &[
    "std::fs",
    "fs::read",
    "fs::write",
    "File::open",
    "File::create",
    "read_dir",
    "std::env::var",
    "env::var(",
    "std::process",
    "std::net",
    "Utc::now",
    "Local::now",
    "SystemTime::now",
];

#[test]
fn the_domain_depends_on_no_storage_window_or_network_crate() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args(["tree", "-p", "quarterdeck-domain", "-e", "normal,build", "--prefix", "none", "--offline"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo runs");
    assert!(out.status.success(), "cargo tree failed: {}", String::from_utf8_lossy(&out.stderr));
    let tree = String::from_utf8_lossy(&out.stdout);
    assert!(tree.contains("quarterdeck-domain"), "the tree names the crate: {tree}");
    let found: Vec<&str> = tree
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| FORBIDDEN_CRATES.contains(name))
        .collect();
    assert!(found.is_empty(), "the domain depends on {found:?}; that belongs in the store or the app");
}

#[test]
fn the_domain_code_reads_no_files_environment_or_clock() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut offences = vec![];
    for file in rust_files(&src) {
        if is_test_module(&file) {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in code_lines(&text) {
            let line = line.split("//").next().unwrap_or_default();
            for call in FORBIDDEN_CALLS.iter().filter(|c| line.contains(*c)) {
                offences.push(format!("{}:{}: {call}", file.strip_prefix(&src).unwrap().display(), n + 1));
            }
        }
    }
    assert!(offences.is_empty(), "the domain reaches outside the process:\n{}", offences.join("\n"));
}

#[test]
fn the_check_sees_a_file_read_when_there_is_one() {
    // The scan above must not pass by reading nothing.
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = rust_files(&src);
    assert!(files.len() > 50, "{} files", files.len());
    let sample = "#[cfg(test)]\nmod tests {\n    fn fixture() { std::fs::read(\"a\"); }\n}\npub fn load() { std::fs::read(\"b\"); }\n";
    let code: Vec<(usize, &str)> = code_lines(sample).collect();
    assert_eq!(code.len(), 1, "only the line after the test module is code: {code:?}");
    assert_eq!(code[0].0, 4);
    assert!(FORBIDDEN_CALLS.iter().any(|c| code[0].1.contains(c)));
}

/// The lines of `text` (numbered from 0) outside `#[cfg(test)]` modules.
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut depth = 0usize;
    let mut in_test = false;
    let mut after_cfg = false;
    text.lines().enumerate().filter(move |(_, line)| {
        let trimmed = line.trim();
        if !in_test {
            if trimmed == "#[cfg(test)]" {
                after_cfg = true;
                return false;
            }
            let opens_test = after_cfg && trimmed.starts_with("mod ") && trimmed.ends_with('{');
            after_cfg = false;
            if !opens_test {
                return true;
            }
            in_test = true;
            depth = 0;
        }
        depth += line.matches('{').count();
        depth = depth.saturating_sub(line.matches('}').count());
        if depth == 0 {
            in_test = false;
        }
        false
    })
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![];
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// A file its parent declares under `#[cfg(test)]` (`mod fuzz;`), or a `tests` folder's.
fn is_test_module(file: &Path) -> bool {
    if file.components().any(|c| c.as_os_str() == "tests") {
        return true;
    }
    let name = file.file_stem().unwrap().to_string_lossy().to_string();
    let folder = file.parent().unwrap();
    let parents = [folder.join("mod.rs"), folder.join("lib.rs"), folder.with_extension("rs")];
    parents.iter().filter(|p| p.is_file()).any(|parent| {
        let text = std::fs::read_to_string(parent).unwrap();
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        lines.windows(2).any(|w| w[0] == "#[cfg(test)]" && w[1] == format!("mod {name};"))
    })
}
