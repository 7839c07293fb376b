import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMinutes,
  dateRange,
  dayAndTime,
  daysUntil,
  localToday,
  mondayOf,
  monthDay,
  quarterDays,
  quarterLabel,
  quarterOf,
  relativeDays,
  shiftQuarter,
} from './dates';

describe('days', () => {
  it('add days across months and years', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('add minutes to a floating time without any zone shifting it', () => {
    expect(addMinutes('2026-03-29T01:30', 60)).toBe('2026-03-29T02:30');
    expect(addMinutes('2026-12-31T23:30', 45)).toBe('2027-01-01T00:15');
  });

  it('counts calendar days across DST and months', () => {
    expect(daysUntil('2026-03-30', '2026-03-28')).toBe(2);
    expect(daysUntil('2026-02-27', '2026-03-01')).toBe(-2);
    expect(relativeDays(0)).toBe('today');
    expect(relativeDays(1)).toBe('tomorrow');
    expect(relativeDays(12)).toBe('in 12 days');
    expect(relativeDays(-3)).toBe('3 days ago');
  });

  it('reads today in the local zone', () => {
    expect(localToday(new Date(2026, 10, 18, 23, 59))).toBe('2026-11-18');
  });
});

describe('weeks', () => {
  it('starts on Monday, as the backend names its weeks', () => {
    expect(mondayOf('2026-11-21')).toBe('2026-11-16'); // a Saturday
    expect(mondayOf('2026-11-22')).toBe('2026-11-16'); // Sunday still belongs to it
    expect(mondayOf('2026-11-16')).toBe('2026-11-16');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28'); // across a year
  });
});

describe('days as people read them', () => {
  it('names a day by month and day, either way round', () => {
    expect(monthDay('2026-11-16')).toBe('Nov 16');
    expect(monthDay('2027-01-04')).toBe('Jan 4');
    expect(monthDay('2027-01-04', 'de-DE')).toBe('4. Jan.');
  });

  it('collapses what the two ends of a range share', () => {
    expect(dateRange('2026-03-10', '2026-03-10')).toBe('Mar 10, 2026');
    expect(dateRange('2026-03-10', '2026-03-12')).toBe('Mar 10–12, 2026');
    expect(dateRange('2026-03-30', '2026-04-02')).toBe('Mar 30 – Apr 2, 2026');
    expect(dateRange('2026-12-30', '2027-01-02')).toBe('Dec 30, 2026 – Jan 2, 2027');
    const at = new Date(Date.UTC(2026, 10, 18, 14, 5));
    expect(dayAndTime(at, 'de-DE')).toMatch(/^\d{2}\.\d{2}\.2026, \d{2}:05$/);
    expect(dayAndTime(at, 'en-US')).toMatch(/^Nov 1[89], 2026, \d{1,2}:05\s?[AP]M$/);
    expect(dateRange('2026-03-10', '2026-03-10', 'de-DE')).toBe('10. März 2026');
    expect(dateRange('2026-03-10', '2026-03-12', 'de-DE')).toMatch(/^10\.\s?–\s?12\. März 2026$/);
  });
});

describe('quarters', () => {
  it('names the quarter a date falls in', () => {
    expect(quarterOf('2026-01-01')).toBe('2026Q1');
    expect(quarterOf('2026-03-31')).toBe('2026Q1');
    expect(quarterOf('2026-04-01')).toBe('2026Q2');
    expect(quarterOf('2026-11-21')).toBe('2026Q4');
    expect(quarterOf('2026-12-31')).toBe('2026Q4');
    expect(quarterLabel('2026Q4')).toBe('2026 Q4');
    expect(quarterLabel('soon')).toBe('soon');
  });

  it('steps across years both ways', () => {
    expect(shiftQuarter('2026Q4', 1)).toBe('2027Q1');
    expect(shiftQuarter('2026Q1', -1)).toBe('2025Q4');
    expect(shiftQuarter('2026Q2', 8)).toBe('2028Q2');
    expect(shiftQuarter('not a quarter', 1)).toBe('not a quarter');
  });

  it('knows a quarter’s first and last days, leap years included', () => {
    expect(quarterDays('2026Q4')).toEqual({ first: '2026-10-01', last: '2026-12-31' });
    expect(quarterDays('2028Q1')).toEqual({ first: '2028-01-01', last: '2028-03-31' });
    expect(quarterDays('2026Q2')).toEqual({ first: '2026-04-01', last: '2026-06-30' });
    expect(quarterDays('2026Q5')).toBeNull();
  });
});
