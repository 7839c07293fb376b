//! Who uses this plan file: kept in the plan's `setting` table under `me`, so
//! that each plan remembers its own person across restarts without a
//! migration, and the CLI can read it too.

use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::Store;
use crate::{Error, Result};

const ME: &str = "me";

/// The answer to "which person are you?": a person of the plan, nobody in it,
/// or not asked yet (the window asks once, when the plan has people).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Me {
    Unasked,
    Person { id: Uuid },
    NotInPlan,
}

impl Me {
    pub fn person(self) -> Option<Uuid> {
        match self {
            Me::Person { id } => Some(id),
            Me::Unasked | Me::NotInPlan => None,
        }
    }
}

impl Store {
    /// Who this plan's user is; `Unasked` until they answer.
    pub fn me(&self) -> Result<Me> {
        let text: Option<String> =
            self.conn().query_row("SELECT value FROM setting WHERE key = ?1", [ME], |r| r.get(0)).optional()?;
        match text {
            None => Ok(Me::Unasked),
            Some(t) => {
                serde_json::from_str(&t).map_err(|e| Error::invalid(ME, format!("stored value is damaged: {e}")))
            }
        }
    }

    /// Remembers the answer; a person must be in the plan. `Unasked` forgets it, so the window asks again.
    pub fn set_me(&mut self, me: Me) -> Result<Me> {
        self.write(|tx| {
            if let Some(id) = me.person() {
                super::people::find(tx, id)?
                    .ok_or_else(|| Error::invalid(ME, format!("no person {id} in this plan")))?;
            }
            match me {
                Me::Unasked => forget(tx)?,
                chosen => {
                    let value = serde_json::to_string(&chosen).expect("a choice always serialises");
                    tx.prepare_cached(
                        "INSERT INTO setting (key, value) VALUES (?1, ?2)
                         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    )?
                    .execute(params![ME, value])?;
                }
            }
            Ok(me)
        })
    }
}

/// Forgets "me" when it names `person`, who is being deleted: no id is left pointing at nobody.
pub(super) fn forget_person(conn: &Connection, person: Uuid) -> Result<()> {
    let value = serde_json::to_string(&Me::Person { id: person }).expect("a choice always serialises");
    conn.prepare_cached("DELETE FROM setting WHERE key = ?1 AND value = ?2")?.execute(params![ME, value])?;
    Ok(())
}

fn forget(conn: &Connection) -> Result<()> {
    conn.prepare_cached("DELETE FROM setting WHERE key = ?1")?.execute([ME])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::PersonInput;
    use crate::domain::person::sample_input;

    fn store_with_two() -> (Store, Uuid, Uuid) {
        let mut store = Store::open_in_memory().unwrap();
        let mut add = |name: &str| store.save_person(&PersonInput { name: name.into(), ..sample_input() }).unwrap().id;
        let (ada, bo) = (add("Ada"), add("Bo"));
        (store, ada, bo)
    }

    #[test]
    fn unasked_until_answered_then_the_answer() {
        let (mut store, ada, _) = store_with_two();
        assert_eq!(store.me().unwrap(), Me::Unasked);
        store.set_me(Me::Person { id: ada }).unwrap();
        assert_eq!(store.me().unwrap(), Me::Person { id: ada });
        store.set_me(Me::NotInPlan).unwrap();
        assert_eq!(store.me().unwrap(), Me::NotInPlan);
        store.set_me(Me::Unasked).unwrap();
        assert_eq!(store.me().unwrap(), Me::Unasked);
    }

    #[test]
    fn the_answer_survives_reopening_the_plan_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.db");
        let ada = {
            let mut store = Store::open(&path).unwrap();
            let ada = store.save_person(&PersonInput { name: "Ada".into(), ..sample_input() }).unwrap().id;
            store.set_me(Me::Person { id: ada }).unwrap();
            ada
        };
        assert_eq!(Store::open(&path).unwrap().me().unwrap(), Me::Person { id: ada });
    }

    #[test]
    fn a_person_not_in_the_plan_is_refused_and_changes_nothing() {
        let (mut store, ada, _) = store_with_two();
        store.set_me(Me::Person { id: ada }).unwrap();
        let err = store.set_me(Me::Person { id: Uuid::now_v7() }).unwrap_err();
        assert!(matches!(&err, Error::Invalid { field, .. } if field == "me"), "{err:?}");
        assert_eq!(store.me().unwrap(), Me::Person { id: ada });
    }

    #[test]
    fn deleting_me_forgets_me_and_deleting_another_does_not() {
        let (mut store, ada, bo) = store_with_two();
        store.set_me(Me::Person { id: ada }).unwrap();
        store.delete_person(bo).unwrap();
        assert_eq!(store.me().unwrap(), Me::Person { id: ada });
        store.delete_person(ada).unwrap();
        assert_eq!(store.me().unwrap(), Me::Unasked);
    }
}
