import { describe, expect, it } from 'vitest';
import { fold, score, search, type SearchItem, type SearchKind } from './search';

const item = (kind: SearchKind, label: string, detail = ''): SearchItem<string> => ({
  key: `${kind}:${label}`,
  kind,
  label,
  detail,
  action: label,
});

const items = [
  item('command', 'Go to Talk library'),
  item('command', 'New talk'),
  item('talk', 'Rust at the edge', 'Maya Okafor · ready'),
  item('talk', 'Trusting your compiler', 'Sam Whitfield'),
  item('talk', 'Observability for everyone', 'Rust'),
  item('event', 'RustConf 2027', 'Montréal, Canada'),
  item('person', 'Zoë Müller', 'Zürich'),
  item('catalog', 'Café Conf', 'Lyon'),
];
const labels = (query: string) => search(query, items).flatMap((g) => g.items.map((i) => i.label));

describe('palette search', () => {
  it('ignores case and accents', () => {
    expect(fold('Zürich CAFÉ')).toBe('zurich cafe');
    expect(labels('zoe muller')).toEqual(['Zoë Müller']);
    expect(labels('montreal')).toEqual(['RustConf 2027']);
    expect(labels('CAFE')).toEqual(['Café Conf']);
  });

  it('ranks the label as typed, then its start, then a word start, then inside a word, then the details', () => {
    const order = ['Rust at the edge', 'RustConf 2027', 'Trusting your compiler', 'Observability for everyone'];
    const ranked = [...order].reverse().sort((a, b) => {
      const find = (l: string) => items.find((i) => i.label === l) ?? items[0]!;
      return score('rust', find(b)) - score('rust', find(a));
    });
    expect(ranked).toEqual(order);
  });

  it('needs every word of the query somewhere', () => {
    expect(labels('rust edge')).toEqual(['Rust at the edge']);
    expect(labels('rust maya')).toEqual(['Rust at the edge']);
    expect(labels('rust nowhere')).toEqual([]);
  });

  it('groups by kind, the group with the best match first, and caps each group', () => {
    const groups = search('rust', items);
    expect(groups.map((g) => g.kind)).toEqual(['talk', 'event']);
    expect(groups[0]?.label).toBe('Talks');
    expect(search('rust', items, 1)[0]?.items.map((i) => i.label)).toEqual(['Rust at the edge']);
  });

  it('lists the commands alone for an empty query', () => {
    expect(search('  ', items).map((g) => g.kind)).toEqual(['command']);
    expect(labels('')).toEqual(['New talk', 'Go to Talk library']);
  });

  it('finds commands by what they do', () => {
    expect(labels('talk')[0]).toBe('New talk');
  });
});
