//! Program balance: the share of the quarter's planned hours each DevRel
//! function gets, against the target mix. Hours are the load model's: days at
//! events and the travel to them, talk preparation, writing.

use super::function::{ActivityRef, DevrelFunction};
use super::items::Items;
use super::mix::TargetMix;
use super::view::{Activity, Balance, FunctionShare, RecordRef, Stage};
use crate::deletion::RecordKind;
use crate::load::tenths;

/// Events and talks count once confirmed (as the load does); content as soon as it is planned.
pub fn balance(items: &Items, mix: Option<(&TargetMix, String)>) -> Balance {
    let mut activities = Vec::new();
    for e in items.events.iter().filter(|e| e.starts_in && e.stage.confirmed() && e.hours > 0.0) {
        activities.push(Activity {
            activity: ActivityRef::Event(e.event.id),
            opens: RecordRef { kind: RecordKind::Event, id: e.event.id },
            label: e.event.name.clone(),
            kind_label: words(e.event.kind.as_str()),
            function: e.function,
            default_function: e.default_function,
            hours: e.hours,
            stage: e.stage,
        });
    }
    for t in items.talks.iter().filter(|t| t.stage.confirmed() && t.prep_hours > 0.0) {
        activities.push(Activity {
            activity: ActivityRef::Talk(t.talk.id),
            opens: RecordRef { kind: RecordKind::Submission, id: t.submission.id },
            label: format!("{} at {}", t.talk.title, t.event.name),
            kind_label: format!("{} prep", words(t.talk.format.as_str())),
            function: t.function,
            default_function: t.default_function,
            hours: t.prep_hours,
            stage: t.stage,
        });
    }
    for c in items.content.iter().filter(|c| c.stage != Stage::Dropped && c.item.effort_hours > 0.0) {
        activities.push(Activity {
            activity: ActivityRef::Content(c.item.id),
            opens: RecordRef { kind: RecordKind::Content, id: c.item.id },
            label: c.item.title.clone(),
            kind_label: words(c.item.kind.as_str()),
            function: c.function,
            default_function: c.default_function,
            hours: c.item.effort_hours,
            stage: c.stage,
        });
    }
    let total: f64 = activities.iter().map(|a| a.hours).sum();
    let functions = DevrelFunction::ALL
        .iter()
        .map(|f| {
            let hours: f64 = activities.iter().filter(|a| a.function == *f).map(|a| a.hours).sum();
            FunctionShare {
                function: *f,
                hours: tenths(hours),
                percent: if total > 0.0 { tenths(hours / total * 100.0) } else { 0.0 },
                target: mix.as_ref().map(|(m, _)| m.percent(*f)),
            }
        })
        .collect();
    activities.sort_by(|a, b| b.hours.total_cmp(&a.hours).then_with(|| a.label.cmp(&b.label)));
    Balance {
        total_hours: tenths(total),
        functions,
        mix_source: mix.as_ref().map(|(_, s)| s.clone()).unwrap_or_default(),
        mix: mix.map(|(m, _)| m.clone()),
        activities,
    }
}

/// `sample_app` → `Sample app`.
pub fn words(kind: &str) -> String {
    let w = kind.replace('_', " ");
    let mut c = w.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
}
