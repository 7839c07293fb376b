//! The window's undo for deletions: what the last deletions took, kept in
//! memory for the session only (a restart forgets them), each under a token
//! the window hands back to bring it back.

use std::collections::VecDeque;
use std::sync::Mutex;

use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use crate::domain::deletion::RecordKind;
use crate::store::DeletedRows;
use crate::{Error, Result};

/// How many deletions can be undone; older ones are forgotten.
pub const KEPT: usize = 20;

/// A deletion the window can offer to undo: "Trip “Berlin, JSConf” deleted · Undo".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Deletion {
    /// Hand it to `undo_delete` to bring the record back.
    pub token: Uuid,
    pub kind: RecordKind,
    pub label: String,
}

/// The last `KEPT` deletions, oldest first.
#[derive(Default)]
pub struct DeletedShelf {
    kept: Mutex<VecDeque<(Deletion, DeletedRows)>>,
}

impl DeletedShelf {
    /// Keeps what a deletion took, forgetting the oldest beyond `KEPT`.
    pub fn keep(&self, rows: DeletedRows) -> Deletion {
        let deletion = Deletion { token: Uuid::now_v7(), kind: rows.kind, label: rows.label.clone() };
        let mut kept = self.lock();
        kept.push_back((deletion.clone(), rows));
        while kept.len() > KEPT {
            kept.pop_front();
        }
        deletion
    }

    /// Runs `restore` on the deletion `token` names and forgets it once restored;
    /// when `restore` fails (a parent deleted since) it stays, to try again later.
    pub fn restore(&self, token: Uuid, restore: impl FnOnce(&DeletedRows) -> Result<()>) -> Result<Deletion> {
        // Held throughout, so that two undos of one token cannot both restore it.
        let mut kept = self.lock();
        let at = kept.iter().position(|(d, _)| d.token == token).ok_or_else(|| {
            Error::invalid("token", format!("this deletion can no longer be undone (only the last {KEPT} are kept)"))
        })?;
        restore(&kept[at].1)?;
        Ok(kept.remove(at).expect("found above").0)
    }

    /// Forgets every deletion: after a restore they belong to a plan that is gone.
    pub fn forget_all(&self) {
        self.lock().clear();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, VecDeque<(Deletion, DeletedRows)>> {
        // A panic elsewhere must not take undo away.
        self.kept.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::person;
    use crate::store::Store;

    fn deleted(store: &mut Store, name: &str) -> DeletedRows {
        let p = store.save_person(&person::PersonInput { name: name.into(), ..person::sample_input() }).unwrap();
        store.delete_person(p.id).unwrap()
    }

    #[test]
    fn a_restored_deletion_is_forgotten_and_a_failed_one_kept() {
        let mut store = Store::open_in_memory().unwrap();
        let shelf = DeletedShelf::default();
        let maya = shelf.keep(deleted(&mut store, "Maya"));
        assert_eq!((maya.kind, maya.label.as_str()), (RecordKind::Person, "Maya"));

        let refused = shelf.restore(maya.token, |_| Err(Error::invalid("event_id", "gone")));
        assert!(refused.is_err());
        let back = shelf.restore(maya.token, |rows| store.restore(rows)).unwrap();
        assert_eq!(back, maya);
        assert_eq!(store.people().unwrap()[0].name, "Maya");
        let again = shelf.restore(maya.token, |rows| store.restore(rows));
        assert!(matches!(again, Err(Error::Invalid { ref field, .. }) if field == "token"), "{again:?}");
    }

    #[test]
    fn only_the_last_deletions_are_kept() {
        let mut store = Store::open_in_memory().unwrap();
        let shelf = DeletedShelf::default();
        let tokens: Vec<Uuid> =
            (0..KEPT + 2).map(|i| shelf.keep(deleted(&mut store, &format!("Person {i}"))).token).collect();
        assert!(shelf.restore(tokens[1], |_| Ok(())).is_err(), "the second is forgotten");
        assert!(shelf.restore(tokens[2], |_| Ok(())).is_ok(), "the third is still there");
        assert_eq!(shelf.lock().len(), KEPT - 1);
    }
}
