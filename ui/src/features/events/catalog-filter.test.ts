import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../../lib/ipc/types';
import { filterCatalog, type CatalogFilters } from './catalog-filter';

function entry(name: string, start: string, over: Partial<CatalogEntry> = {}): CatalogEntry {
  return {
    id: name,
    name,
    start_date: start,
    end_date: start,
    url: '',
    city: 'Utrecht',
    country: 'Netherlands',
    online: false,
    locales: 'EN',
    cfp_url: '',
    cfp_end_date: null,
    topics: ['rust'],
    created_at: '',
    updated_at: '',
    ...over,
  };
}

const ALL: CatalogFilters = { query: '', topic: '', cfpOpenOnly: false, upcomingOnly: true };
const TODAY = '2026-12-03';
const entries = [
  entry('RustWeek', '2026-05-18'),
  entry('EuroRust', '2026-10-14', { city: 'Barcelona', country: 'Spain' }),
  entry('RustConf', '2027-09-08', { city: 'Seattle', topics: ['rust', 'general'] }),
  entry('Ending today', '2026-12-01', { end_date: TODAY }),
];

describe('filterCatalog', () => {
  it('shows upcoming entries (one ending today included) and counts the past ones it hides', () => {
    const { shown, pastHidden } = filterCatalog(entries, ALL, TODAY);
    expect(shown.map((e) => e.name)).toEqual(['RustConf', 'Ending today']);
    expect(pastHidden).toBe(2);
  });

  it('counts only the past entries that match the other filters', () => {
    const { shown, pastHidden } = filterCatalog(entries, { ...ALL, query: 'barcelona' }, TODAY);
    expect(shown).toEqual([]);
    expect(pastHidden).toBe(1);
  });

  it('hides nothing once Upcoming is off', () => {
    const { shown, pastHidden } = filterCatalog(entries, { ...ALL, query: 'rust', upcomingOnly: false }, TODAY);
    expect(shown.map((e) => e.name)).toEqual(['RustWeek', 'EuroRust', 'RustConf']);
    expect(pastHidden).toBe(0);
  });

  it('applies topic and open CFP before counting', () => {
    const withCfp = [...entries, entry('Open CFP', '2027-03-01', { cfp_end_date: '2026-12-20' })];
    expect(filterCatalog(withCfp, { ...ALL, topic: 'general' }, TODAY).shown.map((e) => e.name)).toEqual(['RustConf']);
    const open = filterCatalog(withCfp, { ...ALL, cfpOpenOnly: true }, TODAY);
    expect(open.shown.map((e) => e.name)).toEqual(['Open CFP']);
    expect(open.pastHidden).toBe(0);
  });
});
