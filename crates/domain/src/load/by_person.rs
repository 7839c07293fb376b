//! The plan's records grouped by the person they belong to, once per
//! recompute, so that each person's timeline reads only their own.

use std::collections::HashMap;

use uuid::Uuid;

use super::{BusyBlock, LoadInput};
use crate::trip::Trip;
use crate::{ContentItem, Participation, Submission, TimeOff};

#[derive(Default)]
pub(super) struct Mine<'a> {
    pub time_off: Vec<&'a TimeOff>,
    pub participations: Vec<&'a Participation>,
    pub content: Vec<&'a ContentItem>,
    pub submissions: Vec<&'a Submission>,
    pub trips: Vec<&'a Trip>,
    pub busy: Vec<&'a BusyBlock>,
}

pub(super) fn group<'a>(input: &LoadInput<'a>) -> HashMap<Uuid, Mine<'a>> {
    let mut by: HashMap<Uuid, Mine<'a>> = input.people.iter().map(|p| (p.id, Mine::default())).collect();
    for o in input.time_off {
        by.entry(o.person_id).or_default().time_off.push(o);
    }
    for p in input.participations {
        by.entry(p.person_id).or_default().participations.push(p);
    }
    for c in input.content {
        if let Some(owner) = c.owner_id {
            by.entry(owner).or_default().content.push(c);
        }
    }
    for s in input.submissions {
        by.entry(s.speaker_id).or_default().submissions.push(s);
    }
    for t in input.trips {
        by.entry(t.person_id).or_default().trips.push(t);
    }
    for b in input.busy {
        by.entry(b.person_id).or_default().busy.push(b);
    }
    by
}
