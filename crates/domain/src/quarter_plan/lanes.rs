//! The timeline's lanes: what competes for the scope's time, week by week.

use super::items::{Items, Scope, trip_days};
use super::view::{Lane, LaneItem, LaneKind, RecordRef, Stage};
use super::{QuarterInput, stages};
use crate::deletion::RecordKind;
use crate::{EventStatus, TimeOff};

pub fn lanes(q: &QuarterInput, scope: Scope, items: &Items) -> Vec<Lane> {
    let name = |id: &uuid::Uuid| q.load.people.iter().find(|p| p.id == *id).map_or("?", |p| p.name.as_str());
    let names = |ids: &[uuid::Uuid]| ids.iter().map(name).collect::<Vec<_>>().join(", ");
    let (first, last) = (q.quarter.first_day(), q.quarter.last_day());

    let mut events: Vec<LaneItem> = items
        .events
        .iter()
        .map(|i| {
            let e = i.event;
            let place = if e.online { "online".to_string() } else { e.city.clone() };
            let mut detail = vec![status_words(e.status.as_str()), place];
            if !i.people.is_empty() {
                detail.push(names(&i.people));
            }
            if i.travel_from.is_some() || i.travel_to.is_some() {
                let (out, back) = (i.travel_from.unwrap_or(e.start_date), i.travel_to.unwrap_or(e.end_date));
                detail.push(format!("travel {out} to {back}"));
            }
            LaneItem {
                opens: RecordRef { kind: RecordKind::Event, id: e.id },
                label: e.name.clone(),
                detail: detail.into_iter().filter(|d| !d.is_empty()).collect::<Vec<_>>().join(" · "),
                start: e.start_date,
                end: e.end_date,
                lead_from: i.travel_from,
                tail_to: i.travel_to,
                status: e.status.to_string(),
                stage: i.stage,
                person_ids: i.people.clone(),
            }
        })
        .collect();
    for t in &items.other_trips {
        let Some((a, b)) = trip_days(t) else { continue };
        events.push(LaneItem {
            opens: RecordRef { kind: RecordKind::Trip, id: t.id },
            label: t.title.clone(),
            detail: format!("{} trip · {}", status_words(t.status.as_str()), name(&t.person_id)),
            start: a,
            end: b,
            lead_from: None,
            tail_to: None,
            status: t.status.to_string(),
            stage: stages::trip(t, Some(b), q.today),
            person_ids: vec![t.person_id],
        });
    }
    events.sort_by_key(|i| (i.lead_from.unwrap_or(i.start), i.start, i.label.clone()));

    let talks = items
        .talks
        .iter()
        .filter(|t| t.stage != Stage::Dropped)
        .map(|t| {
            let novelty = if t.new { "new" } else { "given before" };
            let prep = if t.prep_hours > 0.0 { format!(" · {} h prep", t.prep_hours) } else { String::new() };
            LaneItem {
                opens: RecordRef { kind: RecordKind::Submission, id: t.submission.id },
                label: t.talk.title.clone(),
                detail: format!(
                    "at {} · {} · {novelty} · {}{prep}",
                    t.event.name,
                    status_words(t.submission.status.as_str()),
                    name(&t.submission.speaker_id)
                ),
                start: t.event.start_date,
                end: t.event.start_date,
                lead_from: Some(t.prep_from),
                tail_to: None,
                status: t.submission.status.to_string(),
                stage: t.stage,
                person_ids: vec![t.submission.speaker_id],
            }
        })
        .collect();

    let content = items
        .content
        .iter()
        .filter(|c| c.stage != Stage::Dropped)
        .map(|c| {
            let item = c.item;
            let publish = item.publish_at.map(|p| p.date());
            let mut detail = vec![item.kind.as_str().replace('_', " "), status_words(item.status.as_str())];
            if let Some(d) = item.due_on {
                detail.push(format!("draft due {d}"));
            }
            if let Some(p) = publish {
                detail.push(format!("publishes {p}"));
            }
            if let Some(o) = item.owner_id {
                detail.push(name(&o).to_string());
            }
            let start = item.due_on.unwrap_or(c.day).min(c.day);
            LaneItem {
                opens: RecordRef { kind: RecordKind::Content, id: item.id },
                label: item.title.clone(),
                detail: detail.join(" · "),
                start,
                end: publish.unwrap_or(c.day).max(start),
                lead_from: None,
                tail_to: None,
                status: item.status.to_string(),
                stage: c.stage,
                person_ids: item.owner_id.into_iter().collect(),
            }
        })
        .collect();

    let cfp = q
        .load
        .events
        .iter()
        .filter_map(|e| {
            let closes = e.cfp_deadline?.date();
            if closes < first || closes > last {
                return None;
            }
            let submitted =
                q.load.submissions.iter().filter(|s| s.event_id == e.id && scope.includes(s.speaker_id)).count();
            let open_call = matches!(e.status, EventStatus::Considering | EventStatus::CfpOpen);
            let involved = submitted > 0
                || q.load.participations.iter().any(|p| p.event_id == e.id && scope.includes(p.person_id));
            if scope.0.is_some() && !involved && !open_call {
                return None;
            }
            let sent = match submitted {
                0 => "nothing submitted yet".to_string(),
                1 => "1 submission".to_string(),
                n => format!("{n} submissions"),
            };
            Some(LaneItem {
                opens: RecordRef { kind: RecordKind::Event, id: e.id },
                label: format!("CFP: {}", e.name),
                detail: format!(
                    "closes {} · {} · {sent}",
                    e.cfp_deadline?.format("%Y-%m-%d %H:%M"),
                    status_words(e.status.as_str())
                ),
                start: closes,
                end: closes,
                lead_from: None,
                tail_to: None,
                status: e.status.to_string(),
                stage: if closes < q.today { Stage::Done } else { Stage::Planned },
                person_ids: vec![],
            })
        })
        .collect();

    let time_off = q
        .load
        .time_off
        .iter()
        .filter(|t| scope.includes(t.person_id) && t.start_date <= last && t.end_date >= first)
        .map(|t| time_off_item(t, name(&t.person_id)))
        .collect();

    [
        (LaneKind::Events, events),
        (LaneKind::Talks, talks),
        (LaneKind::Content, content),
        (LaneKind::Cfp, cfp),
        (LaneKind::TimeOff, time_off),
    ]
    .into_iter()
    .map(|(kind, mut items): (LaneKind, Vec<LaneItem>)| {
        items.sort_by_key(|i| (i.lead_from.unwrap_or(i.start).min(i.start), i.start, i.label.clone()));
        Lane { kind, label: kind.label().to_string(), items }
    })
    .collect()
}

fn time_off_item(t: &TimeOff, who: &str) -> LaneItem {
    let kind = t.kind.as_str().replace('_', " ");
    LaneItem {
        opens: RecordRef { kind: RecordKind::TimeOff, id: t.id },
        label: format!("{who}: {kind}"),
        detail: if t.note.is_empty() { format!("{kind}, {} to {}", t.start_date, t.end_date) } else { t.note.clone() },
        start: t.start_date,
        end: t.end_date,
        lead_from: None,
        tail_to: None,
        status: t.kind.to_string(),
        stage: Stage::Confirmed,
        person_ids: vec![t.person_id],
    }
}

/// `cfp_open` → `cfp open`, `sponsor_host` → `sponsor host`.
fn status_words(s: &str) -> String {
    s.replace('_', " ")
}
