// What a menu bar item asks of the page: Rust sends the item's id in a
// `menu-action` event and `menuAction` turns it into one of these, so that
// the listener only runs what already exists (views, dialogs, undo).

export type Appearance = 'system' | 'light' | 'dark';

export type MenuAction =
  | { kind: 'view'; view: string }
  | { kind: 'reload' }
  | { kind: 'appearance'; appearance: Appearance }
  | { kind: 'import-calendar' }
  | { kind: 'export-calendar' }
  | { kind: 'backups' }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'shortcuts' }
  | { kind: 'about' };

const APPEARANCES: readonly string[] = ['system', 'light', 'dark'];
const SIMPLE = ['reload', 'import-calendar', 'export-calendar', 'backups', 'undo', 'redo', 'shortcuts', 'about'];

/** The action of menu item `id`, or null for an id this page does not know (a newer menu, a typo). */
export function menuAction(id: string, views: readonly string[]): MenuAction | null {
  const [head, rest] = id.includes(':') ? [id.slice(0, id.indexOf(':')), id.slice(id.indexOf(':') + 1)] : [id, ''];
  if (head === 'view') return views.includes(rest) ? { kind: 'view', view: rest } : null;
  if (head === 'appearance') {
    return APPEARANCES.includes(rest) ? { kind: 'appearance', appearance: rest as Appearance } : null;
  }
  if (rest === '' && SIMPLE.includes(head)) return { kind: head } as MenuAction;
  return null;
}
