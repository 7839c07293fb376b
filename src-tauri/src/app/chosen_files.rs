//! Files the person handed to the window in this session, by dropping them
//! on it or picking them in a dialog, each behind an opaque token. The page
//! gets the token and the file's name, and hands the token back to import
//! the file: it never sees or sends a path, so it can only ever read what the
//! person chose.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Mutex;

use serde::Serialize;
use tauri::{DragDropEvent, Emitter, Manager, Runtime, Window, WindowEvent};
use ts_rs::TS;
use uuid::Uuid;

use super::chooser;
use crate::{Error, Result};

/// The event the window gets when files are dropped on it: `Vec<ChosenFile>`.
pub const FILES_DROPPED: &str = "files-dropped";

/// How many files the session remembers; older tokens stop working.
const KEEP: usize = 64;

/// A file the person chose, as the page knows it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ChosenFile {
    pub token: Uuid,
    /// The file's name, without its folder.
    pub name: String,
}

#[derive(Default)]
pub struct ChosenFiles {
    files: Mutex<VecDeque<(Uuid, PathBuf)>>,
}

impl ChosenFiles {
    /// Remembers `path` and answers the token that stands for it.
    pub fn keep(&self, path: PathBuf) -> ChosenFile {
        let chosen = ChosenFile { token: Uuid::now_v7(), name: chooser::file_name(&path) };
        let mut files = self.files.lock().unwrap_or_else(|p| p.into_inner());
        if files.len() == KEEP {
            files.pop_front();
        }
        files.push_back((chosen.token, path));
        chosen
    }

    /// The file behind `token`, if this session handed it out.
    pub fn path(&self, token: Uuid) -> Result<PathBuf> {
        let files = self.files.lock().unwrap_or_else(|p| p.into_inner());
        files
            .iter()
            .find(|(t, _)| *t == token)
            .map(|(_, p)| p.clone())
            .ok_or_else(|| Error::invalid("file", "is no longer at hand: drop it or choose it again"))
    }
}

/// Keeps the files of a native drop and tells the window their tokens. Only
/// the window's own drag-and-drop reaches here: an event the page emits
/// (`tauri://drag-drop` included) goes to listeners, never to this handler.
pub fn on_window_event<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    if let WindowEvent::DragDrop(DragDropEvent::Drop { paths, .. }) = event {
        let chosen = window.state::<ChosenFiles>();
        let dropped: Vec<ChosenFile> = paths.iter().map(|p| chosen.keep(p.clone())).collect();
        // A window that closed meanwhile has nobody to tell.
        let _ = window.emit_to(window.label(), FILES_DROPPED, dropped);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_stands_for_its_file_and_the_page_sees_only_the_name() {
        let chosen = ChosenFiles::default();
        let first = chosen.keep("/home/ana/work.ics".into());
        let second = chosen.keep("/home/ana/team.ics".into());
        assert_eq!(first.name, "work.ics");
        assert_ne!(first.token, second.token);
        assert_eq!(chosen.path(first.token).unwrap(), PathBuf::from("/home/ana/work.ics"));
        assert_eq!(chosen.path(second.token).unwrap(), PathBuf::from("/home/ana/team.ics"));
        let shown = serde_json::to_string(&first).unwrap();
        assert!(!shown.contains("/home"), "{shown}");
    }

    #[test]
    fn a_token_the_session_never_gave_is_refused() {
        let chosen = ChosenFiles::default();
        chosen.keep("/home/ana/work.ics".into());
        let err = chosen.path(Uuid::nil()).unwrap_err();
        assert_eq!(err.code(), crate::error::ErrorCode::Invalid);
    }

    #[test]
    fn only_the_latest_files_are_remembered() {
        let chosen = ChosenFiles::default();
        let oldest = chosen.keep("/tmp/0.ics".into());
        let tokens: Vec<_> = (1..=KEEP).map(|i| chosen.keep(format!("/tmp/{i}.ics").into()).token).collect();
        assert!(chosen.path(oldest.token).is_err());
        assert!(tokens.iter().all(|t| chosen.path(*t).is_ok()));
    }
}
