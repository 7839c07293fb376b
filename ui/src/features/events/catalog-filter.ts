import type { CatalogEntry } from '../../lib/ipc/types';

/** The catalog's filters as the view holds them. */
export interface CatalogFilters {
  query: string;
  topic: string;
  cfpOpenOnly: boolean;
  upcomingOnly: boolean;
}

/** Whether `e` passes every filter but "Upcoming". */
function matchesBesidesWhen(e: CatalogEntry, f: CatalogFilters, today: string): boolean {
  if (f.cfpOpenOnly && !(e.cfp_end_date && e.cfp_end_date >= today)) return false;
  if (f.topic && !e.topics.includes(f.topic)) return false;
  const q = f.query.trim().toLowerCase();
  return !q || [e.name, e.city, e.country].some((s) => s.toLowerCase().includes(q));
}

/**
 * The entries the filters show, and how many past ones "Upcoming" hides: a
 * search for a conference that already happened then says so rather than
 * looking like the catalog lacks it.
 */
export function filterCatalog(
  entries: CatalogEntry[],
  f: CatalogFilters,
  today: string,
): { shown: CatalogEntry[]; pastHidden: number } {
  const shown: CatalogEntry[] = [];
  let pastHidden = 0;
  for (const e of entries) {
    if (!matchesBesidesWhen(e, f, today)) continue;
    if (f.upcomingOnly && e.end_date < today) pastHidden += 1;
    else shown.push(e);
  }
  return { shown, pastHidden };
}
