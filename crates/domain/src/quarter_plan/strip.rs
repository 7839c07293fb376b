//! The load strip along the top of the timeline: the person's level each week,
//! or the worst level anyone on the team has, with the reason in one line.

use chrono::NaiveDate;

use super::view::WeekStrip;
use crate::load::{Level, PersonLoad};

pub fn strip(weeks: &[NaiveDate], loads: &[PersonLoad], person: bool) -> Vec<WeekStrip> {
    weeks
        .iter()
        .map(|week| {
            let mine: Vec<(&str, &crate::load::WeekLoad)> = (loads.iter())
                .filter_map(|p| p.weeks.iter().find(|w| w.week == *week).map(|w| (p.name.as_str(), w)))
                .collect();
            let level = mine.iter().map(|(_, w)| w.level).max().unwrap_or(Level::Green);
            let count = |l: Level| mine.iter().filter(|(_, w)| w.level == l).count() as u32;
            let planned: f64 = mine.iter().map(|(_, w)| w.planned_hours).sum();
            let available: f64 = mine.iter().map(|(_, w)| w.available_hours).sum();
            let reason = if person {
                (mine.first().and_then(|(_, w)| w.flags.first()))
                    .map_or_else(|| "Nothing flagged".to_string(), |f| f.sentence.clone())
            } else {
                let at = |l: Level| mine.iter().filter(|(_, w)| w.level == l).map(|(n, _)| *n).collect::<Vec<_>>();
                match (at(Level::Red), at(Level::Amber)) {
                    (r, a) if r.is_empty() && a.is_empty() => "Nobody flagged".to_string(),
                    (r, a) => [("red", r), ("amber", a)]
                        .into_iter()
                        .filter(|(_, who)| !who.is_empty())
                        .map(|(l, who)| format!("{l}: {}", who.join(", ")))
                        .collect::<Vec<_>>()
                        .join("; "),
                }
            };
            WeekStrip {
                week: *week,
                level,
                load_percent: (available > 0.0).then(|| (planned / available * 1000.0).round() / 10.0),
                planned_hours: (planned * 10.0).round() / 10.0,
                available_hours: (available * 10.0).round() / 10.0,
                red: count(Level::Red),
                amber: count(Level::Amber),
                reason,
            }
        })
        .collect()
}
