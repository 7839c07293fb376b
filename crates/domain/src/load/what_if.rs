//! What a change would do: the weeks whose hours, level or reasons differ
//! between the plan as it is and the plan with the change.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use super::{PersonLoad, WeekLoad};

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct WeekChange {
    pub person_id: Uuid,
    pub name: String,
    pub week: NaiveDate,
    pub before: WeekLoad,
    pub after: WeekLoad,
}

/// The weeks that differ, person by person, in week order.
pub fn changes(before: &[PersonLoad], after: &[PersonLoad]) -> Vec<WeekChange> {
    let mut out = Vec::new();
    for a in after {
        let Some(b) = before.iter().find(|b| b.person_id == a.person_id) else { continue };
        for (wb, wa) in b.weeks.iter().zip(&a.weeks) {
            if differs(wb, wa) {
                out.push(WeekChange {
                    person_id: a.person_id,
                    name: a.name.clone(),
                    week: wa.week,
                    before: wb.clone(),
                    after: wa.clone(),
                });
            }
        }
    }
    out
}

fn differs(b: &WeekLoad, a: &WeekLoad) -> bool {
    let reasons = |w: &WeekLoad| w.flags.iter().map(|f| (f.rule, f.level, f.sentence.clone())).collect::<Vec<_>>();
    b.level != a.level || (b.planned_hours - a.planned_hours).abs() >= 0.1 || reasons(b) != reasons(a)
}
