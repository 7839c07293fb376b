//! How many of the plan's changes have not reached the server yet: the same
//! comparison a push makes (the items as they would be written, against what
//! was last written), without sending anything.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};

use super::PUBLISHED_KINDS;
use crate::Result;
use crate::domain::ics::plan_items::{self, ExportScope};
use crate::store::Store;

/// The items a push would create, update or delete now; None without an account.
pub fn changes_waiting(store: &mut Store, now: DateTime<Utc>) -> Result<Option<u32>> {
    let Some(account) = store.calendar_account()? else { return Ok(None) };
    // The push's scope: the account person's items, every day, the usual CFP reminders.
    let scope = ExportScope {
        people: Some(vec![account.person_id]),
        from: None,
        to: None,
        cfp_alarms: plan_items::default_cfp_alarms(),
    };
    let wanted = store.calendar_resources(PUBLISHED_KINDS, &scope, now)?;
    let published: HashMap<String, _> =
        store.published_items()?.into_iter().map(|p| (p.uid.clone(), (p.kind, p.digest))).collect();
    let changed = wanted
        .iter()
        .filter(|r| published.get(&r.uid).is_none_or(|(kind, digest)| *kind != r.kind || *digest != r.digest))
        .count();
    let kept: HashSet<&str> = wanted.iter().map(|r| r.uid.as_str()).collect();
    let gone = published.keys().filter(|uid| !kept.contains(uid.as_str())).count();
    Ok(Some((changed + gone) as u32))
}
