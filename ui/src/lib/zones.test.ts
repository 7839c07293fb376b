import { describe, expect, it } from 'vitest';
import { guessZone, searchZones, zoneCity } from './zones';

const zones = [
  'America/Argentina/Buenos_Aires',
  'America/New_York',
  'America/Sao_Paulo',
  'Asia/Tokyo',
  'Europe/Berlin',
  'Pacific/Tongatapu',
  'UTC',
];

describe('searchZones', () => {
  it('puts cities that start with the query first', () => {
    expect(searchZones(zones, 'to')).toEqual(['Asia/Tokyo', 'Pacific/Tongatapu']);
  });
  it('matches spaces to underscores and ignores accents and case', () => {
    expect(searchZones(zones, 'new york')).toEqual(['America/New_York']);
    expect(searchZones(zones, 'São')).toEqual(['America/Sao_Paulo']);
  });
  it('finds by region', () => {
    expect(searchZones(zones, 'europe')).toEqual(['Europe/Berlin']);
  });
  it('returns everything up to the limit for an empty query', () => {
    expect(searchZones(zones, '', 3)).toHaveLength(3);
  });
  it('reads the city out of nested names', () => {
    expect(zoneCity('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
  });
});

describe('guessZone', () => {
  const all = [...zones, 'Europe/Amsterdam', 'Europe/Brussels', 'America/Los_Angeles', 'America/Chicago'];
  it('uses a zone named after the city', () => {
    expect(guessZone('Tokyo', 'Japan', all)).toBe('Asia/Tokyo');
    expect(guessZone('New York, NY', 'U.S.A.', all)).toBe('America/New_York');
  });
  it('falls back to a single-zone country', () => {
    expect(guessZone('Utrecht', 'Netherlands', all)).toBe('Europe/Amsterdam');
    expect(guessZone('Ghent', 'belgium', all)).toBe('Europe/Brussels');
  });
  it('does not guess in a country with several zones', () => {
    expect(guessZone('Portland, OR', 'U.S.A.', all)).toBeNull();
  });
});
