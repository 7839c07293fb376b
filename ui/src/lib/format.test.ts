import { describe, expect, it } from 'vitest';
import { cfpDeadline, clockIn, countdown, fileSize, initials, place, splitTags, utcOffset } from './format';

describe('time zones', () => {
  const july = new Date(Date.UTC(2026, 6, 1, 12, 0));
  const january = new Date(Date.UTC(2026, 0, 15, 12, 0));
  it('shows the local clock of a zone', () => {
    expect(clockIn('Asia/Kolkata', july)).toBe('17:30');
    expect(clockIn('America/Los_Angeles', july)).toBe('05:00');
  });
  it('shows offsets with DST and half hours', () => {
    expect(utcOffset('Asia/Kolkata', july)).toBe('UTC+5:30');
    expect(utcOffset('America/Los_Angeles', july)).toBe('UTC−7');
    expect(utcOffset('America/Los_Angeles', january)).toBe('UTC−8');
    expect(utcOffset('UTC', july)).toBe('UTC');
  });
});

describe('events', () => {
  it('names the place or says online', () => {
    expect(place({ online: true, city: '', country: '' })).toBe('Online');
    expect(place({ online: false, city: 'Lagos', country: 'Nigeria' })).toBe('Lagos, Nigeria');
  });
  it('spells out AoE when a deadline has no zone', () => {
    expect(cfpDeadline({ cfp_deadline: '2026-03-01T23:59:00', cfp_timezone: null })).toBe(
      'Mar 1, 2026 23:59 AoE (UTC−12)',
    );
    expect(cfpDeadline({ cfp_deadline: '2026-03-01T09:00:00', cfp_timezone: 'Europe/Berlin' })).toBe(
      'Mar 1, 2026 09:00 Europe/Berlin',
    );
    expect(cfpDeadline({ cfp_deadline: null, cfp_timezone: null })).toBeNull();
  });
  it('makes initials', () => {
    expect(initials("Liam O'Connor")).toBe('LO');
    expect(initials('Cher')).toBe('CH');
    expect(initials('  ')).toBe('?');
  });
});

describe('countdown', () => {
  it('counts days and hours down to the deadline', () => {
    expect(countdown(53)).toBe('2 d 5 h');
    expect(countdown(5)).toBe('5 h');
    expect(countdown(0)).toBe('closing now');
  });
});

describe('fileSize', () => {
  it('reads as people say sizes', () => {
    expect(fileSize(912)).toBe('912 B');
    expect(fileSize(48_200)).toBe('48 KB');
    expect(fileSize(3_400_000)).toBe('3.4 MB');
    expect(fileSize(2_000_000_000_000_000)).toBe('2,000 TB');
  });
});

describe('splitTags', () => {
  it('keeps the tags written between commas, trimmed', () => {
    expect(splitTags('rust, , Web APIs ')).toEqual(['rust', 'Web APIs']);
    expect(splitTags('')).toEqual([]);
  });
});
