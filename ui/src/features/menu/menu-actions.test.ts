import { describe, expect, it } from 'vitest';
import { menuAction } from './menu-actions';
import { SCREENS } from '../../lib/screens';
import { SHORTCUTS } from './shortcuts';

const VIEWS = ['quarter', 'people', 'settings'];

describe('menuAction', () => {
  it('turns a view item into its view, and refuses a view the page has not', () => {
    expect(menuAction('view:people', VIEWS)).toEqual({ kind: 'view', view: 'people' });
    expect(menuAction('view:settings', VIEWS)).toEqual({ kind: 'view', view: 'settings' });
    expect(menuAction('view:attic', VIEWS)).toBeNull();
  });

  it('knows the three appearances and nothing else', () => {
    expect(menuAction('appearance:dark', VIEWS)).toEqual({ kind: 'appearance', appearance: 'dark' });
    expect(menuAction('appearance:system', VIEWS)).toEqual({ kind: 'appearance', appearance: 'system' });
    expect(menuAction('appearance:sepia', VIEWS)).toBeNull();
  });

  it('passes the simple items through and ignores unknown ones', () => {
    expect(menuAction('about', VIEWS)).toEqual({ kind: 'about' });
    expect(menuAction('undo', VIEWS)).toEqual({ kind: 'undo' });
    expect(menuAction('about:me', VIEWS)).toBeNull();
    expect(menuAction('format-disk', VIEWS)).toBeNull();
  });
});

describe('the shortcuts list', () => {
  it('gives every screen its Ctrl+digit in the sidebar order, and no key twice', () => {
    const screens = SHORTCUTS.find((g) => g.title === 'Screens')!.shortcuts;
    SCREENS.forEach((screen, i) => expect(screens[i]).toEqual({ keys: `Ctrl+${i + 1}`, what: screen.label }));
    const keys = SHORTCUTS.flatMap((g) => g.shortcuts.map((s) => s.keys));
    expect(new Set(keys).size).toBe(keys.length);
  });
});
