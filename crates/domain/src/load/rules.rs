//! The fifteen rules of docs/workload-model.md, read week by week from a
//! person's timeline, and how their levels combine into the week's level.

use chrono::{Datelike, Duration, NaiveDate};

use super::timeline::Timeline;
use super::{Flag, Horizon, HoursByKind, Level, RuleId, Thresholds, WeekLoad, tenths};

/// Computes the weeks of `horizon`, with enough weeks before it for rule 15.
pub(super) fn weeks(tl: &Timeline, t: &Thresholds, horizon: Horizon) -> Vec<WeekLoad> {
    let look_back = t.recovery_window_weeks.max(4.0).round() as i64 - 1;
    let first = horizon.first_monday() - Duration::weeks(look_back);
    let streak = streaks(tl);
    let total = look_back as usize + horizon.weeks as usize;
    let mut weeks: Vec<WeekLoad> =
        (0..total).map(|k| week(tl, t, &streak, first + Duration::weeks(k as i64))).collect();
    // Rule 15 reads the other rules' levels of the weeks before, never its own, and
    // leaves out the rules that already look back over weeks (nights away, trip-weeks,
    // weekends owed): one trip would otherwise count as strain in four weeks running.
    let base: Vec<(Level, bool)> = weeks.iter().map(|w| (own_level(&w.flags), recovery_week(w))).collect();
    for (k, w) in weeks.iter_mut().enumerate().skip(look_back as usize) {
        if let Some(flag) = chronic(&base[..=k], w.level, t) {
            w.level = flag.level;
            w.flags.push(flag);
            sort(&mut w.flags);
        }
    }
    weeks.split_off(look_back as usize)
}

fn week(tl: &Timeline, t: &Thresholds, streak: &[u32], monday: NaiveDate) -> WeekLoad {
    let sunday = monday + Duration::days(6);
    let first = tl.index(monday).expect("the timeline covers every week computed, and history before it");
    let days: [(NaiveDate, &super::timeline::Day); 7] =
        std::array::from_fn(|k| (monday + Duration::days(k as i64), &tl.days[first + k]));
    let mut planned = HoursByKind::default();
    let (mut available, mut after, mut focus) = (0.0, 0.0, 0.0);
    for (_, d) in &days {
        planned.add(&d.hours);
        available += d.available;
        after += d.after_hours;
        focus += d.focus;
    }
    let planned_hours = planned.total();
    let nights_away = tl.nights_away_in(monday, sunday);
    let w = WeekFacts { tl, t, monday, sunday, days: &days, planned: &planned, planned_hours, available, after, focus };
    let mut flags: Vec<Flag> = [
        w.load_percent(),
        w.long_week(),
        w.nights_away(),
        w.trip_weeks(nights_away),
        w.jet_lag(),
        w.no_buffer(),
        w.red_eye_work(),
        w.back_to_back(),
        w.weekend_owed(),
        w.after_hours(),
        w.focus_time(),
        w.new_material(),
        w.deadline_on_travel(),
        w.long_stretch(streak),
    ]
    .into_iter()
    .flatten()
    .collect();
    sort(&mut flags);
    let worst = flags.iter().map(|f| f.level).max().unwrap_or(Level::Green);
    let ambers = flags.iter().filter(|f| f.level == Level::Amber).count();
    let level = if ambers >= 3 { Level::Red } else { worst };
    WeekLoad {
        week: monday,
        available_hours: tenths(available),
        planned: planned.rounded(),
        planned_hours: tenths(planned_hours),
        after_hours: tenths(after),
        focus_hours: tenths(focus),
        load_percent: (available > 0.0).then(|| (planned_hours / available * 100.0).round()),
        nights_away,
        level,
        flags,
    }
}

/// The level from the rules about the week's own demands.
fn own_level(flags: &[Flag]) -> Level {
    let own: Vec<&Flag> = flags
        .iter()
        .filter(|f| !matches!(f.rule, RuleId::NightsAway | RuleId::TripWeeks | RuleId::WeekendOwed))
        .collect();
    let ambers = own.iter().filter(|f| f.level == Level::Amber).count();
    if ambers >= 3 { Level::Red } else { own.iter().map(|f| f.level).max().unwrap_or(Level::Green) }
}

/// Worst first, then in the model's order.
fn sort(flags: &mut [Flag]) {
    flags.sort_by(|a, b| b.level.cmp(&a.level).then(a.number.cmp(&b.number)));
}

/// A week that lets someone recover: no travel, no night away, at most 100 % load.
fn recovery_week(w: &WeekLoad) -> bool {
    w.nights_away == 0 && w.planned.travel == 0.0 && w.load_percent.is_none_or(|p| p <= 100.0)
}

fn chronic(base: &[(Level, bool)], level: Level, t: &Thresholds) -> Option<Flag> {
    let last4 = &base[base.len().saturating_sub(4)..];
    let hard = last4.iter().filter(|(l, _)| *l != Level::Green).count();
    let window = (t.recovery_window_weeks.round() as usize).max(1);
    let recent = &base[base.len().saturating_sub(window)..];
    let no_rest = recent.len() == window && !recent.iter().any(|(_, rest)| *rest);
    let sentence = if hard as f64 >= t.chronic_weeks {
        format!("{hard} of the last 4 weeks were amber or red: the strain is building up")
    } else if no_rest {
        format!("no week in the last {window} was travel-free at or under 100 % load")
    } else {
        return None;
    };
    let raised = if level == Level::Green { Level::Amber } else { Level::Red };
    Some(flag(
        RuleId::Chronic,
        raised,
        sentence,
        "Plan a light week soon: no travel, no new material, nothing past 100 %.".into(),
    ))
}

fn flag(rule: RuleId, level: Level, sentence: String, fix: String) -> Flag {
    Flag { rule, number: rule.number(), level, sentence, fix }
}

/// How far apart two figures may be and still be the same: hours and percents
/// are sums of fractions (44 h of 40 is 110.00000000000001 %), never exact.
const SAME: f64 = 1e-9;

/// `red` when `value` reaches its red line, `amber` its amber line.
fn level_at_least(value: f64, amber: f64, red: f64) -> Option<Level> {
    if value >= red - SAME {
        Some(Level::Red)
    } else if value >= amber - SAME {
        Some(Level::Amber)
    } else {
        None
    }
}

/// Like `level_at_least` for lines that must be passed ("amber above 90 %").
fn level_above(value: f64, amber: f64, red: f64) -> Option<Level> {
    if value > red + SAME {
        Some(Level::Red)
    } else if value > amber + SAME {
        Some(Level::Amber)
    } else {
        None
    }
}

pub(super) fn hours(h: f64) -> String {
    let r = tenths(h);
    if r.fract() == 0.0 { format!("{r:.0} h") } else { format!("{r:.1} h") }
}

/// "Tue 3 Mar", without chrono's format parser: sentences are built by the thousand.
pub(super) fn day(d: NaiveDate) -> String {
    const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    format!("{} {} {}", WEEKDAYS[d.weekday().num_days_from_monday() as usize], d.day(), MONTHS[d.month0() as usize])
}

fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Days in a row, up to and including each day, spent working, travelling or at an event.
fn streaks(tl: &Timeline) -> Vec<u32> {
    let mut run = 0;
    tl.days
        .iter()
        .map(|d| {
            run = if d.working || d.travel || d.event { run + 1 } else { 0 };
            run
        })
        .collect()
}

struct WeekFacts<'a> {
    tl: &'a Timeline<'a>,
    t: &'a Thresholds,
    monday: NaiveDate,
    sunday: NaiveDate,
    days: &'a [(NaiveDate, &'a super::timeline::Day)],
    planned: &'a HoursByKind,
    planned_hours: f64,
    available: f64,
    after: f64,
    focus: f64,
}

impl WeekFacts<'_> {
    fn contains(&self, d: NaiveDate) -> bool {
        (self.monday..=self.sunday).contains(&d)
    }

    /// Rule 1: planned hours against available hours.
    fn load_percent(&self) -> Option<Flag> {
        let (planned, available) = (self.planned_hours, self.available);
        if planned <= 0.0 {
            return None;
        }
        if available <= 0.0 {
            // No percentage to give; work planned into time off is a warning, not a red by itself.
            return Some(flag(
                RuleId::LoadPercent,
                Level::Amber,
                format!("{} planned in a week with no working time (days off or no working days)", hours(planned)),
                "Move the work to a week you are working, or take the time off another week.".into(),
            ));
        }
        let pct = planned / available * 100.0;
        let level = level_above(pct, self.t.load_amber_percent, self.t.load_red_percent)?;
        Some(flag(
            RuleId::LoadPercent,
            level,
            format!("{} planned against {} available ({:.0} %)", hours(planned), hours(available), pct),
            "Move or drop something this week, or give its deadline another week.".into(),
        ))
    }

    /// Rule 2: long weeks, travel included.
    fn long_week(&self) -> Option<Flag> {
        let level = level_at_least(self.planned_hours, self.t.long_week_amber_hours, self.t.long_week_red_hours)?;
        let travel = if self.planned.travel > 0.0 {
            format!(", {} of it travel", hours(self.planned.travel))
        } else {
            String::new()
        };
        Some(flag(
            RuleId::LongWeek,
            level,
            format!("{} planned this week{travel}", hours(self.planned_hours)),
            "Trade an event day or a travel day for a day off, or send a teammate.".into(),
        ))
    }

    /// Rule 3: nights away in the 30 days to the week's end.
    fn nights_away(&self) -> Option<Flag> {
        let n = self.tl.nights_away_in(self.sunday - Duration::days(29), self.sunday);
        let level = level_at_least(f64::from(n), self.t.nights_away_amber, self.t.nights_away_red)?;
        Some(flag(
            RuleId::NightsAway,
            level,
            format!("{n} nights away from home in the 30 days to {}", day(self.sunday)),
            "Shorten or skip the next trip, or send a teammate.".into(),
        ))
    }

    /// Rule 4: weeks with travel in the last 12 months, said in the weeks that add one.
    fn trip_weeks(&self, nights_this_week: u32) -> Option<Flag> {
        if nights_this_week == 0 {
            return None;
        }
        let n = self.tl.trip_weeks(self.monday, 52);
        let level = level_above(f64::from(n), self.t.trip_weeks_amber, self.t.trip_weeks_red)?;
        Some(flag(
            RuleId::TripWeeks,
            level,
            format!("{n} weeks with a night away in the last 12 months, this one included"),
            "Send a teammate to one of the coming trips, or make one of them online.".into(),
        ))
    }

    /// Rule 5: talks, deadlines or long-haul flights inside a jet-lag recovery window.
    fn jet_lag(&self) -> Option<Flag> {
        let mut worst: Option<(Level, String, String)> = None;
        for w in self.tl.windows.iter().filter(|w| w.first <= self.sunday && w.last >= self.monday) {
            let inside = |d: NaiveDate| d >= w.first && d <= w.last && self.contains(d);
            let nth = |d: NaiveDate| (d - w.first).num_days() + 1;
            let mut items = Vec::new();
            let mut red = false;
            for d in self.tl.deliveries.iter().filter(|d| inside(d.day)) {
                items.push(format!("{} on day {}", d.label(), nth(d.day)));
                red |= w.east && w.zones >= self.t.jet_lag_red_zones && d.day == w.first;
            }
            for (d, what) in self.tl.deadlines.iter().filter(|(d, _)| inside(*d)) {
                items.push(format!("{what} on day {}", nth(*d)));
            }
            let onward = |j: &&super::journeys::Journey| !(j.homeward && j.trip_id == w.trip_id);
            for j in self
                .tl
                .journeys()
                .filter(|j| j.long_haul && j.depart_utc > w.after && inside(j.depart_day))
                .filter(onward)
            {
                items.push(format!("long-haul flight {} on day {}", j.route, nth(j.depart_day)));
                red = true;
            }
            if items.is_empty() {
                continue;
            }
            let level = if red { Level::Red } else { Level::Amber };
            let sentence = format!(
                "jet lag after {} ({} zones {}, {} recovery from {}): {}",
                w.route,
                tenths(w.zones),
                if w.east { "east" } else { "west" },
                plural(w.days, "day", "days"),
                day(w.first),
                items.join("; ")
            );
            let fix = format!(
                "Arrive {} earlier, or move what falls in the recovery days out of them.",
                plural(w.days, "day", "days")
            );
            if worst.as_ref().is_none_or(|(l, ..)| level > *l) {
                worst = Some((level, sentence, fix));
            }
        }
        worst.map(|(level, sentence, fix)| flag(RuleId::JetLag, level, sentence, fix))
    }

    /// Rule 6: no night between arriving and the talk, or leaving on its evening.
    fn no_buffer(&self) -> Option<Flag> {
        let mut found: Option<(Level, String)> = None;
        for d in self.tl.deliveries.iter().filter(|d| self.contains(d.day) && !d.event.online) {
            for j in self.tl.journeys() {
                // Flying home the same day, landing after noon, is leaving after the talk.
                let home_after = j.homeward && j.depart_day == d.day && j.arrive_hour >= 12;
                let (level, what) = if j.arrive_day == d.day && !home_after {
                    let red_eye = if j.red_eye { " on a red-eye" } else { "" };
                    let level = if j.red_eye { Level::Red } else { Level::Amber };
                    (level, format!("arrives ({}){red_eye} on the day of {}", j.route, d.label()))
                } else if j.depart_day == d.day {
                    (Level::Amber, format!("leaves ({}) on the day of {}", j.route, d.label()))
                } else {
                    continue;
                };
                if found.as_ref().is_none_or(|(l, _)| level > *l) {
                    found = Some((level, what));
                }
            }
        }
        found.map(|(level, sentence)| {
            flag(RuleId::NoBuffer, level, sentence, "Arrive the day before the talk and leave the day after.".into())
        })
    }

    /// Rule 7: a red-eye landing on a day of work.
    fn red_eye_work(&self) -> Option<Flag> {
        let worked = |d: &super::timeline::Day| d.red_eye && (d.working || d.event);
        let last = self.days.iter().rev().find(|(_, d)| worked(d)).map(|(date, _)| *date)?;
        let count = (0..14).filter_map(|k| self.tl.day(last - Duration::days(k))).filter(|d| worked(d)).count() as u32;
        let route = self
            .tl
            .journeys()
            .find(|j| j.red_eye && j.arrive_day == last)
            .map_or_else(String::new, |j| format!(" ({})", j.route));
        let level = if f64::from(count) >= self.t.red_eye_red_count { Level::Red } else { Level::Amber };
        let sentence = if count > 1 {
            format!("{count} red-eyes followed by a day of work in 14 days, the last{route} landing {}", day(last))
        } else {
            format!("a red-eye{route} lands {} and the day is a working day", day(last))
        };
        Some(flag(
            RuleId::RedEyeWork,
            level,
            sentence,
            "Keep the day after a red-eye free, or take a day flight the day before.".into(),
        ))
    }

    /// Rule 8: too few working days at home between two trips.
    fn back_to_back(&self) -> Option<Flag> {
        let mut found: Option<(Level, String)> = None;
        for pair in self.tl.trips.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            if !self.contains(b.leave) || f64::from(a.nights) < self.t.back_to_back_min_nights {
                continue;
            }
            let gap = if b.leave <= a.back {
                0
            } else {
                crate::bounds::shift(a.back, 1)
                    .iter_days()
                    .take_while(|d| *d < b.leave)
                    .filter(|d| self.tl.day(*d).is_some_and(|x| x.working))
                    .count() as u32
            };
            let g = f64::from(gap);
            let level = if g < self.t.back_to_back_red_days {
                Level::Red
            } else if g < self.t.back_to_back_amber_days {
                Level::Amber
            } else {
                continue;
            };
            let sentence = format!(
                "leaves for \u{201c}{}\u{201d} {} after {} nights away on \u{201c}{}\u{201d}",
                b.title,
                plural(gap, "working day", "working days"),
                a.nights,
                a.title
            );
            if found.as_ref().is_none_or(|(l, _)| level > *l) {
                found = Some((level, sentence));
            }
        }
        found.map(|(level, sentence)| {
            flag(
                RuleId::BackToBack,
                level,
                sentence,
                format!("Leave at least {:.0} working days at home between trips.", self.t.back_to_back_amber_days),
            )
        })
    }

    /// Rule 9: weekend days travelling or at events, not given back: in the week worked,
    /// then only in weeks that can still give a day in lieu. A week with nothing planned
    /// is a week of rest whatever is owed, so the rule alone never colours it.
    fn weekend_owed(&self) -> Option<Flag> {
        if self.planned_hours <= 0.0 {
            return None;
        }
        let owed = self.tl.owed_in_week(self.monday);
        let n = owed.len() as u32;
        let level = level_at_least(f64::from(n), self.t.weekend_owed_amber, self.t.weekend_owed_red)?;
        let worked: Vec<String> = owed.iter().map(|o| day(o.worked)).collect();
        let by = owed.iter().map(|o| o.give_back_by).min()?;
        Some(flag(
            RuleId::WeekendOwed,
            level,
            format!(
                "{} travelling or at events ({}) without a day off in lieu yet, to give back by {}",
                plural(n, "weekend day", "weekend days"),
                worked.join(", "),
                day(by)
            ),
            format!("Book {} in lieu by {}.", plural(n, "day off", "days off"), day(by)),
        ))
    }

    /// Rule 10: hours planned outside the working day.
    fn after_hours(&self) -> Option<Flag> {
        let level = level_above(self.after, self.t.after_hours_amber, self.t.after_hours_red)?;
        Some(flag(
            RuleId::AfterHours,
            level,
            format!(
                "{} planned after hours (meetups, speaker dinners, calls outside the working day)",
                hours(self.after)
            ),
            "Drop an evening, or move a call into working hours.".into(),
        ))
    }

    /// Rule 11: too little focus time for the preparation and writing due.
    fn focus_time(&self) -> Option<Flag> {
        let prep = self.planned.talk_prep + self.planned.workshop_prep + self.planned.content;
        if prep <= 0.0 || self.focus >= prep {
            return None;
        }
        let level =
            if self.focus < prep / 2.0 || self.focus < self.t.focus_red_hours { Level::Red } else { Level::Amber };
        Some(flag(
            RuleId::FocusTime,
            level,
            format!(
                "{} of focus time in blocks of {} or more for {} of preparation and writing",
                hours(self.focus),
                hours(self.t.focus_block_hours),
                hours(prep)
            ),
            "Block focus time, or move a deadline to a week with fewer meetings and no travel.".into(),
        ))
    }

    /// Rule 12: new talks and workshops prepared at the same time.
    fn new_material(&self) -> Option<Flag> {
        let window = Duration::days((self.t.prep_weeks * 7.0).round() as i64);
        let new: Vec<_> = self
            .tl
            .deliveries
            .iter()
            // Its window, day - window to the day before, overlaps this week; said once per week.
            .filter(|d| d.is_new() && d.day > self.monday && d.day <= self.sunday + window)
            .collect();
        let workshops = new.iter().filter(|d| d.is_workshop()).count() as f64;
        let talks = new.len() as f64 - workshops;
        let n = new.len() as f64;
        let level = if n >= self.t.new_material_red || (talks >= 1.0 && workshops >= 1.0) {
            Level::Red
        } else if n >= self.t.new_material_amber {
            Level::Amber
        } else {
            return None;
        };
        let what = match (talks as u32, workshops as u32) {
            (t, 0) => plural(t, "new talk", "new talks"),
            (0, w) => plural(w, "new workshop", "new workshops"),
            (t, w) => {
                format!("{} and {}", plural(t, "new talk", "new talks"), plural(w, "new workshop", "new workshops"))
            }
        };
        let total: f64 = new.iter().map(|d| d.prep_hours(self.t)).sum();
        let names: Vec<String> = new.iter().map(|d| d.label()).collect();
        Some(flag(
            RuleId::NewMaterial,
            level,
            format!(
                "{what} due within {:.0} weeks \u{2248} {} of preparation ({})",
                self.t.prep_weeks,
                hours(total),
                names.join(", ")
            ),
            "Give a talk you have given before at one of them, or move one to next quarter.".into(),
        ))
    }

    /// Rule 13: deadlines on travel or jet-lag days.
    fn deadline_on_travel(&self) -> Option<Flag> {
        let hit: Vec<String> = self
            .tl
            .deadlines
            .iter()
            .filter(|(d, _)| self.contains(*d) && self.tl.day(*d).is_some_and(|x| x.travel || x.jet_lag))
            .map(|(d, what)| format!("{what} {}", day(*d)))
            .collect();
        let level = level_at_least(hit.len() as f64, self.t.deadline_travel_amber, self.t.deadline_travel_red)?;
        Some(flag(
            RuleId::DeadlineOnTravel,
            level,
            format!(
                "{} on a travel or jet-lag day: {}",
                plural(hit.len() as u32, "deadline", "deadlines"),
                hit.join("; ")
            ),
            "Move the deadline out of the travel and recovery days, or hand it to a teammate.".into(),
        ))
    }

    /// Rule 14: long trips, and long runs of days without a day off.
    fn long_stretch(&self, streak: &[u32]) -> Option<Flag> {
        let mut parts: Vec<(Level, String)> = Vec::new();
        for trip in self.tl.trips.iter().filter(|s| s.leave <= self.sunday && s.back > self.monday) {
            let n = f64::from(trip.nights);
            if let Some(level) = level_above(n, self.t.long_trip_amber_nights, self.t.long_trip_red_nights) {
                parts.push((level, format!("\u{201c}{}\u{201d} keeps you {} nights away", trip.title, trip.nights)));
            }
        }
        let longest = self
            .days
            .iter()
            .filter_map(|(d, _)| self.tl.index(*d).map(|i| (streak[i], *d)))
            .max_by_key(|(run, _)| *run);
        if let Some((run, end)) = longest
            && let Some(level) = level_at_least(f64::from(run), self.t.streak_amber_days, self.t.streak_red_days)
        {
            parts.push((level, format!("{run} days in a row working or travelling to {}", day(end))));
        }
        let level = parts.iter().map(|(l, _)| *l).max()?;
        parts.sort_by_key(|(level, _)| std::cmp::Reverse(*level));
        let sentence = parts.into_iter().map(|(_, s)| s).collect::<Vec<_>>().join("; ");
        Some(flag(RuleId::LongStretch, level, sentence, "Take a day off mid-trip or the day after it.".into()))
    }
}
