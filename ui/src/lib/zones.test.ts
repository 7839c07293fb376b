import { describe, expect, it } from 'vitest';
import { searchZones, zoneCity } from './zones';

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
