//! SQL for `threshold`: the load model's numbers as overridden by the team (no
//! person) and by each person. Saving a scope replaces all of its overrides.

use std::collections::BTreeMap;

use rusqlite::params;
use uuid::Uuid;

use super::{Store, people, rows};
use crate::Result;
use crate::domain::load::thresholds::{self, ThresholdValues};

impl Store {
    /// The team's overrides and each person's.
    pub fn thresholds(&self) -> Result<(ThresholdValues, BTreeMap<Uuid, ThresholdValues>)> {
        let mut stmt = self.conn().prepare_cached("SELECT person_id, key, value FROM threshold ORDER BY key")?;
        let rows = stmt.query_map([], |r| {
            Ok((rows::opt_uuid(r, "person_id")?, r.get::<_, String>("key")?, r.get::<_, f64>("value")?))
        })?;
        let (mut team, mut people) = (ThresholdValues::new(), BTreeMap::<Uuid, ThresholdValues>::new());
        for row in rows {
            let (person, key, value) = row?;
            match person {
                Some(id) => people.entry(id).or_default().insert(key, value),
                None => team.insert(key, value),
            };
        }
        Ok((team, people))
    }

    /// Replaces the overrides of the team (`person` None) or of one person.
    pub fn save_thresholds(&mut self, person: Option<Uuid>, values: &ThresholdValues) -> Result<ThresholdValues> {
        let clean = thresholds::validate(values)?;
        self.write(|tx| {
            if let Some(id) = person {
                people::require(tx, id)?;
            }
            let person = person.map(rows::id_text);
            tx.execute("DELETE FROM threshold WHERE person_id IS ?1", [&person])?;
            let mut insert = tx.prepare_cached("INSERT INTO threshold (person_id, key, value) VALUES (?1, ?2, ?3)")?;
            for (key, value) in &clean {
                insert.execute(params![&person, key, value])?;
            }
            Ok(())
        })?;
        Ok(clean)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Error;
    use crate::domain::person::sample_input;

    #[test]
    fn team_and_person_overrides_are_kept_apart_and_replaced_whole() {
        let mut store = Store::open_in_memory().unwrap();
        let maya = store.save_person(&sample_input()).unwrap().id;
        let v = |pairs: &[(&str, f64)]| pairs.iter().map(|(k, x)| (k.to_string(), *x)).collect::<ThresholdValues>();
        store.save_thresholds(None, &v(&[("nights_away_red", 25.0)])).unwrap();
        store.save_thresholds(Some(maya), &v(&[("long_week_red_hours", 50.0), ("nights_away_red", 20.0)])).unwrap();
        store.save_thresholds(Some(maya), &v(&[("long_week_red_hours", 52.0)])).unwrap();
        let (team, people) = store.thresholds().unwrap();
        assert_eq!(team, v(&[("nights_away_red", 25.0)]));
        assert_eq!(people[&maya], v(&[("long_week_red_hours", 52.0)]), "saving a scope replaces it");

        let err = store.save_thresholds(Some(maya), &v(&[("long_week_red_hours", 999.0)])).unwrap_err();
        assert!(matches!(err, Error::Invalid { ref field, .. } if field == "thresholds.long_week_red_hours"), "{err}");
        assert_eq!(store.thresholds().unwrap().1[&maya], v(&[("long_week_red_hours", 52.0)]), "nothing written");
        let err = store.save_thresholds(Some(Uuid::now_v7()), &ThresholdValues::new()).unwrap_err();
        assert!(matches!(err, Error::NotFound { .. }), "{err}");
    }
}
