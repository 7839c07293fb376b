//! Goals against the plan: for each goal, how many of its items are planned,
//! confirmed and done, and the counts by kind the quarter shows beside them.

use std::collections::BTreeMap;

use super::goal::{Goal, GoalMetric};
use super::items::Items;
use super::view::{GoalProgress, GoalState, KindCount, Stage};
use crate::{ContentKind, EventKind, TalkFormat};

/// A counted item: what it is called and where it stands.
type Counted = (String, Stage);

pub fn goal_progress(goal: &Goal, items: &Items) -> GoalProgress {
    let counted = counted(goal.metric, items);
    let planned = counted.iter().filter(|(_, s)| s.counts()).count() as u32;
    let confirmed = counted.iter().filter(|(_, s)| s.confirmed()).count() as u32;
    let done = counted.iter().filter(|(_, s)| *s == Stage::Done).count() as u32;
    let gap = goal.target.saturating_sub(planned);
    let state = if done >= goal.target {
        GoalState::Met
    } else if confirmed >= goal.target {
        GoalState::OnTrack
    } else if planned >= goal.target {
        GoalState::Planned
    } else {
        GoalState::Short
    };
    let short = if gap > 0 { format!(" ({gap} short)") } else { String::new() };
    GoalProgress {
        goal: goal.clone(),
        label: goal.metric.count_label(goal.target),
        planned,
        confirmed,
        done,
        gap,
        state,
        sentence: format!("{planned} planned of {}{short}; {confirmed} confirmed, {done} done", goal.target),
        items: counted.into_iter().filter(|(_, s)| s.counts()).map(|(label, _)| label).collect(),
    }
}

fn counted(metric: GoalMetric, items: &Items) -> Vec<Counted> {
    let talk = |t: &super::items::TalkItem| (format!("{} at {}", t.talk.title, t.event.name), t.stage);
    let attended = items.events.iter().filter(|e| e.starts_in && !e.people.is_empty());
    let events_of = |kind: Option<EventKind>| -> Vec<Counted> {
        attended
            .clone()
            .filter(|e| kind.is_none_or(|k| e.event.kind == k))
            .map(|e| (e.event.name.clone(), e.stage))
            .collect()
    };
    let content_of = |kinds: &[ContentKind]| -> Vec<Counted> {
        (items.content.iter())
            .filter(|c| kinds.is_empty() || kinds.contains(&c.item.kind))
            .map(|c| (c.item.title.clone(), c.stage))
            .collect()
    };
    match metric {
        GoalMetric::Talks => items.talks.iter().map(talk).collect(),
        GoalMetric::NewTalks => items.talks.iter().filter(|t| t.new).map(talk).collect(),
        GoalMetric::Workshops => {
            // Workshop events, and workshops given at other events.
            let mut out = events_of(Some(EventKind::Workshop));
            out.extend(
                (items.talks.iter())
                    .filter(|t| t.talk.format == TalkFormat::Workshop && t.event.kind != EventKind::Workshop)
                    .map(talk),
            );
            out
        }
        GoalMetric::Conferences => events_of(Some(EventKind::Conference)),
        GoalMetric::Meetups => events_of(Some(EventKind::Meetup)),
        GoalMetric::Events => events_of(None),
        GoalMetric::Posts => content_of(&[ContentKind::BlogPost, ContentKind::Tutorial]),
        GoalMetric::Videos => content_of(&[ContentKind::Video]),
        GoalMetric::Content => content_of(&[]),
    }
}

/// Events by kind, talks, and content by kind, each by stage.
pub fn counts(items: &Items) -> Vec<KindCount> {
    let mut by: BTreeMap<(u8, String), (String, [u32; 3])> = BTreeMap::new();
    let mut add = |order: u8, kind: &str, label: String, stage: Stage| {
        let entry = by.entry((order, kind.to_string())).or_insert((label, [0; 3]));
        if stage.counts() {
            entry.1[0] += 1;
        }
        if stage.confirmed() {
            entry.1[1] += 1;
        }
        if stage == Stage::Done {
            entry.1[2] += 1;
        }
    };
    for e in items.events.iter().filter(|e| e.starts_in && !e.people.is_empty()) {
        add(0, e.event.kind.as_str(), plural(e.event.kind.as_str()), e.stage);
    }
    for t in &items.talks {
        add(1, "talk", "talks".into(), t.stage);
    }
    for c in &items.content {
        add(2, c.item.kind.as_str(), plural(c.item.kind.as_str()), c.stage);
    }
    by.into_iter()
        .map(|((_, kind), (label, [planned, confirmed, done]))| KindCount { kind, label, planned, confirmed, done })
        .collect()
}

/// `blog_post` → `blog posts`.
fn plural(kind: &str) -> String {
    let words = kind.replace('_', " ");
    if words.ends_with('s') { words } else { format!("{words}s") }
}
