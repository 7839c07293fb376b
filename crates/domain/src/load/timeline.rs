//! One person's plan laid out day by day: hours by kind, what each day is
//! (working, off, travelling, at an event, jet-lagged, away for the night), and
//! the dated items the rules name in their sentences.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Timelike, Utc};
use chrono_tz::Tz;

use super::by_person::Mine;
use super::days_owed::{self, OwedDay};
use super::deliveries::{Delivery, Shared, committed};
use super::journeys::{Journey, TripSpan};
use super::{BusyBlock, CountsAs, Horizon, HoursByKind, Thresholds, monday};
use crate::bounds;
use crate::trip::TripStatus;
use crate::{ContentStatus, EventKind, ParticipationRole, Person, SubmissionStatus, TimeOffKind, Weekday, zone};

/// The working day starts here (local); focus blocks and after-hours are read against it.
const DAY_STARTS_HOUR: f64 = 9.0;
/// Weeks of history kept before the first week shown: 52 for trip-weeks in 12
/// months, the rest for the chronic-pattern rule's look back.
const LOOKBACK_WEEKS: i64 = 52 + 8;
/// Writing is spread over the desk days before its due date, at most this far back.
const CONTENT_LOOKBACK: Duration = Duration::weeks(6);

#[derive(Debug, Clone, Default)]
pub(super) struct Day {
    pub hours: HoursByKind,
    pub after_hours: f64,
    pub available: f64,
    pub focus: f64,
    /// A normal working day for this person, not taken off.
    pub working: bool,
    pub off: bool,
    pub in_lieu: bool,
    pub travel: bool,
    pub event: bool,
    /// The night after this day is spent away from home.
    pub away: bool,
    pub jet_lag: bool,
    /// Arrived on a red-eye this morning.
    pub red_eye: bool,
    /// Travelling or at an event on a day this person does not normally work.
    pub weekend_work: bool,
    /// Busy minutes from other calendars, within the day (local, from midnight).
    busy: Vec<(u32, u32)>,
}

impl Day {
    /// A working day spent at a desk: not off, not travelling, not at an event.
    /// (Read while building, before `working` folds time off in.)
    fn desk_day(&self) -> bool {
        self.working && !self.off && !self.travel && !self.event
    }
}

/// A recovery window after a journey that moved the body clock.
#[derive(Debug, Clone)]
pub(super) struct JetLagWindow {
    pub route: String,
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub days: u32,
    pub zones: f64,
    pub east: bool,
    /// When the journey that opened it landed: later long-haul flights conflict.
    pub after: DateTime<Utc>,
    /// The trip it belongs to: its own flight home ends the stay, not a conflict.
    pub trip_id: uuid::Uuid,
}

pub(super) struct Timeline<'a> {
    pub start: NaiveDate,
    pub days: Vec<Day>,
    pub day_hours: f64,
    pub deliveries: Vec<&'a Delivery<'a>>,
    pub deadlines: Vec<(NaiveDate, String)>,
    pub trips: Vec<TripSpan>,
    pub windows: Vec<JetLagWindow>,
    pub skipped: Vec<String>,
    away_sum: Vec<u32>,
    /// Weekend days worked and the days in lieu that gave them back.
    owed: Vec<OwedDay>,
    /// Weeks (from `start`) with a night away, summed: `[k]` counts weeks before week k.
    trip_week_sum: Vec<u32>,
}

impl<'a> Timeline<'a> {
    pub fn build(shared: &'a Shared<'a>, person: &Person, t: &Thresholds, horizon: Horizon) -> Timeline<'a> {
        let first = horizon.first_monday().min(monday(horizon.as_of.with_ordinal(1).unwrap_or(horizon.as_of)));
        let start = bounds::shift(first, -LOOKBACK_WEEKS * 7);
        // Past the last week shown by the longest run-up there is (preparation, or
        // writing walked back from its due date), so that work due after it is spread
        // over its whole run-up instead of being squeezed into the weeks shown.
        let run_up = prep_days(t).max(CONTENT_LOOKBACK.num_days());
        let end = bounds::shift(
            bounds::shift(horizon.first_monday(), i64::from(horizon.weeks) * 7 - 1).max(horizon.as_of),
            run_up,
        );
        let len = (end - start).num_days() as usize + 1;
        let working_days = &person.working_days;
        let day_hours = if working_days.is_empty() { 0.0 } else { person.capacity_hours / working_days.len() as f64 };
        let mut tl = Timeline {
            start,
            days: vec![Day::default(); len],
            day_hours,
            deliveries: Vec::new(),
            deadlines: Vec::new(),
            trips: Vec::new(),
            windows: Vec::new(),
            skipped: Vec::new(),
            away_sum: Vec::new(),
            owed: Vec::new(),
            trip_week_sum: Vec::new(),
        };
        for (i, day) in tl.days.iter_mut().enumerate() {
            let date = start + Duration::days(i as i64);
            day.working = working_days.contains(&Weekday::of(date));
        }
        let home = zone::parse("timezone", &person.timezone).unwrap_or(chrono_tz::UTC);

        let none = Mine::default();
        let mine = shared.by_person.get(&person.id).unwrap_or(&none);
        tl.add_time_off(mine);
        tl.add_out_of_office(mine, home);
        // Trips and events first: preparation and writing go around them.
        tl.add_events(mine, shared, t);
        tl.add_trips(mine, home, t);
        tl.add_deliveries(shared, person, t);
        tl.add_content(mine, t);
        tl.add_cfp_drafts(mine, shared);
        tl.add_busy(mine, home);
        tl.finish(t);
        tl
    }

    pub fn index(&self, date: NaiveDate) -> Option<usize> {
        let i = (date - self.start).num_days();
        (0..self.days.len() as i64).contains(&i).then_some(i as usize)
    }

    pub fn date(&self, index: usize) -> NaiveDate {
        self.start + Duration::days(index as i64)
    }

    pub fn day(&self, date: NaiveDate) -> Option<&Day> {
        self.index(date).map(|i| &self.days[i])
    }

    fn each_day(&mut self, from: NaiveDate, to: NaiveDate, mut f: impl FnMut(NaiveDate, &mut Day)) {
        let (a, b) = (from.max(self.start), to.min(self.date(self.days.len() - 1)));
        let mut d = a;
        while d <= b {
            let i = self.index(d).expect("within range");
            f(d, &mut self.days[i]);
            d += Duration::days(1);
        }
    }

    fn add_time_off(&mut self, mine: &Mine) {
        for off in mine.time_off.iter() {
            let lieu = off.kind == TimeOffKind::DayInLieu;
            self.each_day(off.start_date, off.end_date, |_, day| {
                day.off = true;
                day.in_lieu |= lieu;
            });
        }
    }

    fn add_events(&mut self, mine: &Mine, shared: &Shared, t: &Thresholds) {
        let mut going: Vec<(uuid::Uuid, bool, bool)> = Vec::new();
        for p in mine.participations.iter() {
            let booth = p.role == ParticipationRole::Booth;
            let speaker = p.role == ParticipationRole::Speaker;
            match going.iter_mut().find(|(id, ..)| *id == p.event_id) {
                Some(entry) => {
                    entry.1 |= booth;
                    entry.2 |= speaker;
                }
                None => going.push((p.event_id, booth, speaker)),
            }
        }
        for (event_id, booth, speaker) in going {
            let Some(event) = shared.events.get(&event_id) else { continue };
            if !committed(event.status) {
                continue;
            }
            let meetup = event.kind == EventKind::Meetup;
            let in_person = !event.online;
            self.each_day(event.start_date, event.end_date, |date, day| {
                if meetup {
                    day.hours.events += t.meetup_hours;
                    day.after_hours += t.meetup_hours;
                    return;
                }
                day.event = true;
                day.hours.events += if in_person { t.event_day_hours } else { t.online_event_hours };
                if booth && in_person {
                    day.hours.events += t.booth_setup_hours;
                }
                if speaker && in_person && date == event.start_date {
                    day.hours.events += t.speaker_evening_hours;
                    day.after_hours += t.speaker_evening_hours;
                }
            });
        }
    }

    fn add_deliveries(&mut self, shared: &'a Shared<'a>, person: &Person, t: &Thresholds) {
        for d in shared.deliveries.iter().filter(|d| d.speaker == person.id) {
            self.deliveries.push(d);
            let hours = d.prep_hours(t);
            let from = bounds::shift(d.day, -prep_days(t));
            let workshop = d.is_workshop();
            self.spread(from, bounds::shift(d.day, -1), hours, |h, x| {
                if workshop { h.workshop_prep += x } else { h.talk_prep += x }
            });
        }
    }

    fn add_content(&mut self, mine: &Mine, t: &Thresholds) {
        for item in mine.content.iter() {
            if item.status == ContentStatus::Dropped {
                continue;
            }
            let Some(done_by) = item.due_on.or(item.publish_at.map(|p| p.date())) else { continue };
            if let Some(due) = item.due_on {
                self.deadlines.push((due, format!("draft of \u{201c}{}\u{201d} due", item.title)));
            }
            // The working days up to the due date, walking back at most six weeks.
            let wanted = t.content_work_days.round().max(1.0) as usize;
            let mut days = Vec::new();
            let mut d = done_by;
            while days.len() < wanted && done_by - d < CONTENT_LOOKBACK {
                if self.day(d).is_some_and(Day::desk_day) {
                    days.push(d);
                }
                let Some(before) = d.pred_opt() else { break };
                d = before;
            }
            if days.is_empty() {
                days.push(done_by);
            }
            let share = item.effort_hours / days.len() as f64;
            for d in days {
                if let Some(i) = self.index(d) {
                    self.days[i].hours.content += share;
                }
            }
        }
    }

    fn add_cfp_drafts(&mut self, mine: &Mine, shared: &Shared) {
        for s in mine.submissions.iter().filter(|s| s.status == SubmissionStatus::Draft) {
            if let Some(deadline) = shared.events.get(&s.event_id).and_then(|e| e.cfp_deadline.map(|d| (d, e))) {
                self.deadlines.push((deadline.0.date(), format!("CFP for {} closes", deadline.1.name)));
            }
        }
    }

    fn add_trips(&mut self, mine: &Mine, home: Tz, t: &Thresholds) {
        for trip in mine.trips.iter().filter(|x| x.status != TripStatus::Cancelled) {
            let span = match TripSpan::of(trip, home, t) {
                Ok(Some(span)) => span,
                Ok(None) => continue,
                Err(e) => {
                    self.skipped.push(format!("trip \u{201c}{}\u{201d}: {e}", trip.title));
                    continue;
                }
            };
            for (date, (hours, long)) in &span.days {
                let minimum = if *long { t.long_haul_day_hours } else { t.travel_day_min_hours };
                if let Some(i) = self.index(*date) {
                    let day = &mut self.days[i];
                    day.travel = true;
                    day.hours.travel += hours.max(minimum);
                }
            }
            if span.back > span.leave {
                self.each_day(span.leave, bounds::shift(span.back, -1), |_, day| day.away = true);
            }
            for j in &span.journeys {
                if j.red_eye
                    && let Some(i) = self.index(j.arrive_day)
                {
                    self.days[i].red_eye = true;
                }
            }
            self.add_jet_lag(&span, t);
            self.trips.push(span);
        }
        self.trips.sort_by_key(|s| s.leave);
    }

    /// Recovery after each journey crossing enough zones, when the stay on the
    /// far side (or the time away, for the way home) was long enough to adapt.
    fn add_jet_lag(&mut self, span: &TripSpan, t: &Thresholds) {
        let js = &span.journeys;
        for (k, j) in js.iter().enumerate() {
            let zones = f64::from(j.shift_minutes.abs()) / 60.0;
            if zones <= t.jet_lag_min_zones {
                continue;
            }
            let stay = if k + 1 < js.len() {
                nights(j.arrive_day, js[k + 1].depart_day)
            } else if k > 0 {
                // The way home: the body clock moved with the whole time away, not
                // only the last stop of a tour.
                nights(js[0].arrive_day, j.depart_day)
            } else {
                i64::MAX
            };
            if (stay as f64) < t.jet_lag_min_nights {
                continue;
            }
            let east = j.shift_minutes > 0;
            let per_zone = if east { t.jet_lag_east_days_per_zone } else { t.jet_lag_west_days_per_zone };
            let days = (zones * per_zone - 1e-9).ceil().max(0.0) as u32;
            if days == 0 {
                continue;
            }
            let first = first_recovery_day(j);
            let window = JetLagWindow {
                route: j.route.clone(),
                first,
                last: bounds::shift(first, i64::from(days) - 1),
                days,
                zones,
                east,
                after: j.arrive_utc,
                trip_id: j.trip_id,
            };
            self.each_day(window.first, window.last, |_, day| day.jet_lag = true);
            self.windows.push(window);
        }
    }

    /// Out-of-office blocks that take half the working day or more make it a
    /// day off (time off shapes everything after it); shorter ones are busy time.
    fn add_out_of_office(&mut self, mine: &Mine, home: Tz) {
        let (day_start, day_end) =
            ((DAY_STARTS_HOUR * 60.0) as u32, ((DAY_STARTS_HOUR + self.day_hours) * 60.0) as u32);
        let half = f64::from(day_end - day_start) / 60.0 / 2.0;
        for block in mine.busy.iter().filter(|b| b.counts_as == CountsAs::OutOfOffice) {
            for (i, a, b) in self.day_pieces(block, home) {
                let day = &mut self.days[i];
                if b - a == 24 * 60 || (day.working && overlap(a, b, day_start, day_end) >= half) {
                    day.off = true;
                }
            }
        }
    }

    /// A block cut at midnights (in `home`): `(day index, from minute, to minute)`.
    fn day_pieces(&self, block: &BusyBlock, home: Tz) -> Vec<(usize, u32, u32)> {
        let mut pieces = Vec::new();
        if block.end <= block.start {
            return pieces;
        }
        let (from, to) = (block.start.with_timezone(&home).naive_local(), block.end.with_timezone(&home).naive_local());
        let mut at = from;
        while at < to {
            let midnight = bounds::shift(at.date(), 1).and_hms_opt(0, 0, 0).expect("midnight");
            let until = to.min(midnight);
            let (a, b) = (minute_of(at), if until == midnight { 24 * 60 } else { minute_of(until) });
            if let Some(i) = self.index(at.date()) {
                pieces.push((i, a, b));
            }
            at = until;
        }
        pieces
    }

    fn add_busy(&mut self, mine: &Mine, home: Tz) {
        let day_end = DAY_STARTS_HOUR + self.day_hours;
        let mut touched = Vec::new();
        for block in mine.busy.iter() {
            for (i, a, b) in self.day_pieces(block, home) {
                // Away for the day: already a day off, not meetings.
                if block.counts_as == CountsAs::OutOfOffice && self.days[i].off {
                    continue;
                }
                self.days[i].busy.push((a, b));
                touched.push(i);
            }
        }
        touched.sort_unstable();
        touched.dedup();
        // Overlapping entries are one stretch of busy time: a meeting inside an
        // all-day offsite adds nothing to it.
        for i in touched {
            let day = &mut self.days[i];
            day.busy = merged(std::mem::take(&mut day.busy));
            for &(a, b) in &day.busy {
                let hours = f64::from(b - a) / 60.0;
                day.hours.meetings += hours;
                let inside = if day.working {
                    overlap(a, b, (DAY_STARTS_HOUR * 60.0) as u32, (day_end * 60.0) as u32)
                } else {
                    0.0
                };
                day.after_hours += hours - inside;
            }
        }
    }

    /// Spreads `hours` over the desk days from `from` to `to` (else its working
    /// days, else all of its days), adding each share with `put`.
    fn spread(&mut self, from: NaiveDate, to: NaiveDate, hours: f64, put: impl Fn(&mut HoursByKind, f64)) {
        if to < from || hours <= 0.0 {
            return;
        }
        let dates: Vec<NaiveDate> = from.iter_days().take_while(|d| *d <= to).collect();
        let pick = |keep: fn(&Day) -> bool| -> Vec<NaiveDate> {
            dates.iter().copied().filter(|d| self.day(*d).is_some_and(keep)).collect()
        };
        let (desk, working) = (pick(Day::desk_day), pick(|x| x.working && !x.off));
        let chosen = if !desk.is_empty() {
            desk
        } else if !working.is_empty() {
            working
        } else {
            dates
        };
        let share = hours / chosen.len() as f64;
        for d in chosen {
            if let Some(i) = self.index(d) {
                put(&mut self.days[i].hours, share);
            }
        }
    }

    /// Capacity, focus time, weekend work, and the running sums the rules read.
    fn finish(&mut self, t: &Thresholds) {
        let day_start = (DAY_STARTS_HOUR * 60.0) as u32;
        let day_end = ((DAY_STARTS_HOUR + self.day_hours.min(15.0)) * 60.0) as u32;
        let block = (t.focus_block_hours * 60.0) as u32;
        let jet = t.jet_lag_capacity_percent / 100.0;
        let mut away = 0;
        self.away_sum = Vec::with_capacity(self.days.len() + 1);
        for day in &mut self.days {
            self.away_sum.push(away);
            let normally_working = day.working;
            day.working = normally_working && !day.off;
            let factor = if day.jet_lag { jet } else { 1.0 };
            day.available = if day.working { self.day_hours * factor } else { 0.0 };
            day.weekend_work = (!normally_working || day.off) && (day.travel || day.event);
            if day.working && !day.travel && !day.event && !day.red_eye {
                day.busy.sort_unstable();
                let mut free = 0;
                let mut cursor = day_start;
                for &(a, b) in day.busy.iter().chain(std::iter::once(&(day_end, day_end))) {
                    let gap_end = a.clamp(day_start, day_end);
                    if gap_end >= cursor + block {
                        free += gap_end - cursor;
                    }
                    cursor = cursor.max(b.min(day_end));
                }
                day.focus = f64::from(free) / 60.0 * factor;
            }
            away += u32::from(day.away);
        }
        self.away_sum.push(away);
        self.owed = days_owed::ledger(self.start, &self.days);
        let mut weeks = 0;
        self.trip_week_sum = std::iter::once(0)
            .chain(self.days.chunks(7).map(|week| {
                weeks += u32::from(week.iter().any(|d| d.away));
                weeks
            }))
            .collect();
    }

    fn range(&self, from: NaiveDate, to: NaiveDate) -> (usize, usize) {
        let clamp = |d: NaiveDate| (d - self.start).num_days().clamp(0, self.days.len() as i64) as usize;
        (clamp(from), clamp(bounds::shift(to, 1)))
    }

    /// Nights away from `from` to `to` inclusive (the night after each day).
    pub fn nights_away_in(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        let (a, b) = self.range(from, to);
        self.away_sum[b] - self.away_sum[a]
    }

    /// The weekend days rule 9 names in the week from `monday`: those worked in it, and
    /// older ones still owed at its end if a day in lieu can still be given in it.
    pub fn owed_in_week(&self, monday: NaiveDate) -> Vec<&OwedDay> {
        let sunday = monday + Duration::days(6);
        let can_give = |o: &OwedDay| {
            (0..7)
                .map(|k| monday + Duration::days(k))
                .any(|x| x > o.worked && x <= o.give_back_by && self.index(x).is_some_and(|i| self.days[i].working))
        };
        self.owed.iter().filter(|o| o.open_at(sunday) && (o.worked >= monday || can_give(o))).collect()
    }

    /// Weekend days worked by `day`, not given back then, that still can be.
    pub fn days_owed_at(&self, day: NaiveDate) -> u32 {
        self.owed.iter().filter(|o| o.open_at(day) && o.give_back_by >= day).count() as u32
    }

    /// Weeks (Monday to Sunday) with a night away among the `count` weeks ending with `last_monday`'s.
    pub fn trip_weeks(&self, last_monday: NaiveDate, count: i64) -> u32 {
        // `start` is a Monday, so week k covers days 7k to 7k + 6; the sum is over whole weeks.
        let week = |d: NaiveDate| {
            ((d - self.start).num_days().div_euclid(7) + 1).clamp(0, self.trip_week_sum.len() as i64 - 1)
        };
        let (a, b) = (week(last_monday - Duration::weeks(count)), week(last_monday));
        self.trip_week_sum[b as usize] - self.trip_week_sum[a as usize]
    }

    pub fn trip_weeks_in_year_to(&self, day: NaiveDate) -> u32 {
        let jan1 = day.with_ordinal(1).unwrap_or(day);
        let weeks = (monday(day) - monday(jan1)).num_weeks() + 1;
        self.trip_weeks(monday(day), weeks)
    }

    pub fn journeys(&self) -> impl Iterator<Item = &Journey> {
        self.trips.iter().flat_map(|s| &s.journeys)
    }
}

fn nights(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}

/// Day 1 of recovery: the arrival day when landing before noon, else the day after.
fn first_recovery_day(j: &Journey) -> NaiveDate {
    if j.arrive_hour < 12 { j.arrive_day } else { bounds::shift(j.arrive_day, 1) }
}

fn minute_of(t: chrono::NaiveDateTime) -> u32 {
    t.hour() * 60 + t.minute()
}

fn overlap(a: u32, b: u32, lo: u32, hi: u32) -> f64 {
    f64::from(b.min(hi).saturating_sub(a.max(lo))) / 60.0
}

/// The preparation run-up in days; thresholds bound `prep_weeks`, the clamp keeps a
/// stored odd value from reaching chrono's limits.
pub(super) fn prep_days(t: &Thresholds) -> i64 {
    ((t.prep_weeks * 7.0).round() as i64).clamp(0, 366)
}

/// Minute ranges of one day, sorted and with overlapping or touching ones joined.
fn merged(mut ranges: Vec<(u32, u32)>) -> Vec<(u32, u32)> {
    ranges.sort_unstable();
    let mut out: Vec<(u32, u32)> = Vec::with_capacity(ranges.len());
    for (a, b) in ranges {
        match out.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}
