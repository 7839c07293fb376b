// Ranking for the Ctrl+K palette: what is typed against each record's label
// and its details, case- and accent-insensitive, best first, grouped by kind.
// Pure, tested in search.test.ts.

export type SearchKind = 'command' | 'person' | 'event' | 'talk' | 'content' | 'trip' | 'catalog';

/** Group headings, in the order kinds are listed when their best matches tie. */
export const KIND_LABELS: Record<SearchKind, string> = {
  command: 'Commands',
  person: 'People',
  event: 'Events',
  talk: 'Talks',
  content: 'Content',
  trip: 'Trips',
  catalog: 'Conference catalog',
};
const KIND_ORDER = Object.keys(KIND_LABELS) as SearchKind[];

export type SearchItem<A> = {
  /** Unique across the palette (kind and record id). */
  key: string;
  kind: SearchKind;
  label: string;
  /** A second line: when, where, whose. Matched too, but counts less than the label. */
  detail: string;
  action: A;
};

export type SearchGroup<A> = { kind: SearchKind; label: string; items: SearchItem<A>[] };

/** Lower case without accents, so that "zurich" finds "Zürich" and "CAFE" finds "café". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const LETTER = /[\p{L}\p{N}]/u;

/**
 * How well one word of the query fits a text, 0 for not at all: the whole
 * text, then at its start, then at a word's start, then inside a word; a
 * match that ends where a word ends counts more ("rust" fits "Rust at" better
 * than "RustConf").
 */
function wordScore(word: string, text: string): number {
  if (text === word) return 100;
  const at = text.indexOf(word);
  if (at < 0) return 0;
  const whole = !LETTER.test(text.charAt(at + word.length)) ? 10 : 0;
  if (text.startsWith(word)) return 80 + whole;
  // A later occurrence may start a word where the first does not.
  const wordStart = new RegExp(`(^|[^\\p{L}\\p{N}])${escape(word)}`, 'u').exec(text);
  if (wordStart) return 60 + (!LETTER.test(text.charAt(wordStart.index + wordStart[0].length)) ? 10 : 0);
  return 30;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The item's score for the query, 0 when some word of the query is in neither
 * its label nor its detail. Every word must match: "rust keynote" narrows.
 */
export function score(query: string, item: Pick<SearchItem<unknown>, 'label' | 'detail'>): number {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return 0;
  const label = fold(item.label);
  const detail = fold(item.detail);
  let total = wordScore(words.join(' '), label) * 2; // the whole query as typed, in the label, counts most
  for (const word of words) {
    const best = Math.max(wordScore(word, label), wordScore(word, detail) / 3);
    if (best === 0) return 0;
    total += best;
  }
  return total;
}

/**
 * The items matching `query`, grouped by kind; groups by their best match,
 * items best first (then shorter labels, then alphabetically), at most
 * `perKind` each. An empty query lists the commands alone.
 */
export function search<A>(query: string, items: readonly SearchItem<A>[], perKind = 6): SearchGroup<A>[] {
  const blank = query.trim() === '';
  const scored = items
    .map((item) => ({ item, score: blank ? (item.kind === 'command' ? 1 : 0) : score(query, item) }))
    .filter((s) => s.score > 0)
    .sort(
      (a, b) =>
        b.score - a.score || a.item.label.length - b.item.label.length || a.item.label.localeCompare(b.item.label),
    );
  const groups = new Map<SearchKind, { best: number; items: SearchItem<A>[] }>();
  for (const { item, score } of scored) {
    const group = groups.get(item.kind) ?? { best: score, items: [] };
    groups.set(item.kind, group);
    if (group.items.length < (blank ? Infinity : perKind)) group.items.push(item);
  }
  return [...groups.entries()]
    .sort(([ka, a], [kb, b]) => b.best - a.best || KIND_ORDER.indexOf(ka) - KIND_ORDER.indexOf(kb))
    .map(([kind, g]) => ({ kind, label: KIND_LABELS[kind], items: g.items }));
}
