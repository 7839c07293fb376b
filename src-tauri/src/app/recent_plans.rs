//! The plans opened lately, most recent first, for File → Open recent. Kept in
//! the app's config folder (not in any plan: it is about this machine's
//! person, across plans) as a JSON list of paths.

use std::path::{Path, PathBuf};

use crate::files;
use crate::{Error, Result};

/// How many the menu lists: more is a file manager's job.
pub const KEPT: usize = 10;

/// The biggest list file read back: ten paths fit in far less.
const MAX_BYTES: u64 = 256 << 10;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct RecentPlans {
    /// Most recent first, no path twice, at most `KEPT`.
    paths: Vec<PathBuf>,
}

impl RecentPlans {
    /// The list kept in `file`; empty when there is none yet or it cannot be
    /// read (a lost list of shortcuts must not stop the window opening).
    pub fn load(file: &Path) -> RecentPlans {
        let limit = files::Limit { what: "the recent plans list", bytes: MAX_BYTES };
        let paths: Vec<PathBuf> = match files::read_text(file, limit) {
            Ok(text) => serde_json::from_str(&text).unwrap_or_else(|e| {
                log::warn!("recent plans list {} is not a list of paths: {e}", file.display());
                Vec::new()
            }),
            Err(_) => Vec::new(),
        };
        let mut recent = RecentPlans::default();
        // Oldest first, so that each `opened` puts the next more recent one ahead.
        for path in paths.into_iter().rev() {
            recent.opened(&path);
        }
        recent
    }

    pub fn save(&self, file: &Path) -> Result<()> {
        if let Some(folder) = file.parent() {
            std::fs::create_dir_all(folder).map_err(|e| Error::file(folder, e))?;
        }
        let text =
            serde_json::to_string_pretty(&self.paths).map_err(|e| Error::file(file, std::io::Error::other(e)))?;
        files::write_whole(file, &text)
    }

    /// `path` was opened now: it goes first, once, and the oldest beyond `KEPT` go.
    pub fn opened(&mut self, path: &Path) {
        let path = same_file(path);
        self.paths.retain(|p| *p != path);
        self.paths.insert(0, path);
        self.paths.truncate(KEPT);
    }

    /// The plans that still exist, most recent first: a plan moved or deleted
    /// since is not offered.
    pub fn existing(&self) -> Vec<PathBuf> {
        self.paths.iter().filter(|p| p.is_file()).cloned().collect()
    }
}

/// One spelling per file (`./plan.db` and `/home/ana/plan.db` are one entry);
/// a path that no longer resolves stays as it was given.
fn same_file(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plans(dir: &Path, names: &[&str]) -> Vec<PathBuf> {
        names
            .iter()
            .map(|n| {
                let p = dir.join(n);
                std::fs::write(&p, b"plan").unwrap();
                p.canonicalize().unwrap()
            })
            .collect()
    }

    #[test]
    fn the_latest_opened_comes_first_and_a_reopened_plan_moves_up_once() {
        let dir = tempfile::tempdir().unwrap();
        let [a, b, c] = <[PathBuf; 3]>::try_from(plans(dir.path(), &["a.db", "b.db", "c.db"])).unwrap();
        let mut recent = RecentPlans::default();
        for p in [&a, &b, &c, &a] {
            recent.opened(p);
        }
        assert_eq!(recent.existing(), vec![a.clone(), c, b], "a, reopened last, leads; no path twice");
        // Another spelling of the same file is the same entry.
        recent.opened(&dir.path().join(".").join("a.db"));
        assert_eq!(recent.existing().iter().filter(|p| **p == a).count(), 1);
    }

    #[test]
    fn only_the_last_ten_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let names: Vec<String> = (0..13).map(|i| format!("plan-{i:02}.db")).collect();
        let all = plans(dir.path(), &names.iter().map(String::as_str).collect::<Vec<_>>());
        let mut recent = RecentPlans::default();
        for p in &all {
            recent.opened(p);
        }
        let kept = recent.existing();
        assert_eq!(kept.len(), KEPT);
        assert_eq!(kept[0], all[12], "the newest first");
        assert_eq!(kept[KEPT - 1], all[3], "plan-00 to plan-02, the oldest, went");
    }

    #[test]
    fn a_plan_deleted_since_is_not_offered() {
        let dir = tempfile::tempdir().unwrap();
        let [a, b] = <[PathBuf; 2]>::try_from(plans(dir.path(), &["a.db", "b.db"])).unwrap();
        let mut recent = RecentPlans::default();
        recent.opened(&a);
        recent.opened(&b);
        std::fs::remove_file(&b).unwrap();
        assert_eq!(recent.existing(), vec![a]);
    }

    #[test]
    fn the_list_survives_a_restart_in_its_order() {
        let dir = tempfile::tempdir().unwrap();
        let [a, b] = <[PathBuf; 2]>::try_from(plans(dir.path(), &["a.db", "b.db"])).unwrap();
        let file = dir.path().join("config").join("recent-plans.json");
        assert_eq!(RecentPlans::load(&file), RecentPlans::default(), "no file yet: an empty list");
        let mut recent = RecentPlans::default();
        recent.opened(&a);
        recent.opened(&b);
        recent.save(&file).unwrap();
        assert_eq!(RecentPlans::load(&file).existing(), vec![b, a]);
    }

    #[test]
    fn a_damaged_list_reads_as_empty() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("recent-plans.json");
        std::fs::write(&file, "{not a list").unwrap();
        assert_eq!(RecentPlans::load(&file), RecentPlans::default());
    }
}
