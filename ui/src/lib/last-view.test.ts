import { describe, expect, it } from 'vitest';
import { lastView, rememberView } from './last-view';

function memory() {
  const kept = new Map<string, string>();
  return { getItem: (k: string) => kept.get(k) ?? null, setItem: (k: string, v: string) => void kept.set(k, v) };
}

describe('the last view', () => {
  const VIEWS = ['quarter', 'people', 'travel'] as const;

  it('is none on a first start', () => {
    expect(lastView(VIEWS, memory())).toBeNull();
  });

  it('comes back as it was remembered', () => {
    const store = memory();
    rememberView('travel', store);
    expect(lastView(VIEWS, store)).toBe('travel');
  });

  it('is forgotten when the window no longer has that view', () => {
    const store = memory();
    rememberView('attic', store);
    expect(lastView(VIEWS, store)).toBeNull();
  });
});
