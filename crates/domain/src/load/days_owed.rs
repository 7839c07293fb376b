//! Rule 9's ledger: each weekend day worked (travelling or at an event on a day
//! the person does not normally work) and the day in lieu that gave it back.
//! A day in lieu pays the oldest weekend day still owed; one taken ahead pays
//! the next weekend day worked soon after. A day owed can be given back until
//! the end of the third week after the week it was worked (the model's four
//! weeks); after that the rule stops nagging about it, for the week it was
//! worked already said so, and so did every week that could have given it.

use std::collections::VecDeque;

use chrono::{Datelike, Duration, NaiveDate};

use super::timeline::Day;

/// Weeks after the week worked in which a day in lieu can still be given.
const GIVE_BACK_WEEKS: i64 = 3;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct OwedDay {
    pub worked: NaiveDate,
    /// The day in lieu that gave it back (earlier than `worked` when taken ahead).
    pub given: Option<NaiveDate>,
    /// The last day a day in lieu can still be given for it.
    pub give_back_by: NaiveDate,
}

impl OwedDay {
    /// Worked by `day` and not given back by then.
    pub fn open_at(&self, day: NaiveDate) -> bool {
        self.worked <= day && self.given.is_none_or(|g| g > day)
    }
}

fn give_back_by(worked: NaiveDate) -> NaiveDate {
    let sunday = worked + Duration::days(6 - i64::from(worked.weekday().num_days_from_monday()));
    sunday + Duration::weeks(GIVE_BACK_WEEKS)
}

/// The ledger of `days` (the first is `start`), in the order the days were worked.
pub(super) fn ledger(start: NaiveDate, days: &[Day]) -> Vec<OwedDay> {
    let mut owed: Vec<OwedDay> = Vec::new();
    let mut unpaid: VecDeque<usize> = VecDeque::new();
    let mut ahead: VecDeque<NaiveDate> = VecDeque::new();
    for (i, day) in days.iter().enumerate() {
        let date = start + Duration::days(i as i64);
        if day.in_lieu {
            // A debt whose time has passed is no longer paid: the day in lieu is for a newer one.
            while unpaid.front().is_some_and(|&k| owed[k].give_back_by < date) {
                unpaid.pop_front();
            }
            match unpaid.pop_front() {
                Some(k) => owed[k].given = Some(date),
                None => ahead.push_back(date),
            }
        }
        if day.weekend_work {
            let by = give_back_by(date);
            // Taken ahead at most as long before as a debt may wait after.
            while ahead.front().is_some_and(|&g| g + Duration::weeks(GIVE_BACK_WEEKS + 1) <= date) {
                ahead.pop_front();
            }
            match ahead.pop_front() {
                Some(g) => owed.push(OwedDay { worked: date, given: Some(g), give_back_by: by }),
                None => {
                    unpaid.push_back(owed.len());
                    owed.push(OwedDay { worked: date, given: None, give_back_by: by });
                }
            }
        }
    }
    owed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// Days from Mon 2 Mar 2026; `worked` and `lieu` are offsets.
    fn days(worked: &[usize], lieu: &[usize]) -> Vec<Day> {
        let mut out = vec![Day::default(); 60];
        for &k in worked {
            out[k].weekend_work = true;
        }
        for &k in lieu {
            out[k].in_lieu = true;
        }
        out
    }

    #[test]
    fn a_day_owed_can_be_given_until_three_weeks_after_its_week() {
        let owed = ledger(d("2026-03-02"), &days(&[5], &[]));
        assert_eq!(owed, [OwedDay { worked: d("2026-03-07"), given: None, give_back_by: d("2026-03-29") }]);
    }

    #[test]
    fn a_day_in_lieu_pays_the_oldest_day_owed() {
        // Sat 7 and Sat 14 Mar worked, Mon 16 Mar in lieu: the 7th is paid, the 14th still owed.
        let owed = ledger(d("2026-03-02"), &days(&[5, 12], &[14]));
        assert_eq!(owed[0].given, Some(d("2026-03-16")));
        assert_eq!(owed[1].given, None);
        assert!(owed[1].open_at(d("2026-03-22")) && !owed[0].open_at(d("2026-03-22")));
    }

    #[test]
    fn a_day_in_lieu_taken_ahead_pays_the_next_weekend_day() {
        // Fri 6 Mar off in lieu for Sat 7 Mar.
        let owed = ledger(d("2026-03-02"), &days(&[5], &[4]));
        assert_eq!(owed[0].given, Some(d("2026-03-06")));
        assert!(!owed[0].open_at(d("2026-03-08")));
    }

    #[test]
    fn an_old_day_in_lieu_does_not_pay_a_weekend_months_later() {
        // Mon 2 Mar in lieu of nothing; Sat 18 Apr worked: still owed.
        let owed = ledger(d("2026-03-02"), &days(&[47], &[0]));
        assert_eq!(owed[0].given, None);
    }

    #[test]
    fn a_day_in_lieu_after_the_time_to_give_one_has_passed_pays_a_newer_day() {
        // Sat 7 Mar worked (give back by 29 Mar), Sat 28 Mar worked, Mon 30 Mar in lieu.
        let owed = ledger(d("2026-03-02"), &days(&[5, 26], &[28]));
        assert_eq!((owed[0].given, owed[1].given), (None, Some(d("2026-03-30"))));
    }
}
