// Light, dark, or as the system says: the window's appearance. It belongs to this machine, not to the plan
// (the plan file may be shared), so it is kept in the page's local storage. public/appearance.js applies it
// before the first paint; this module keeps it applied afterwards.

export type Appearance = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

export const APPEARANCES: ReadonlyArray<{ id: Appearance; label: string }> = [
  { id: 'system', label: 'System' },
  { id: 'light', label: 'Light' },
  { id: 'dark', label: 'Dark' },
];
/** The storage key; public/appearance.js reads the same one. */
export const APPEARANCE_KEY = 'quarterdeck.appearance';
/** The event another part of the app (the native View → Appearance menu) dispatches on `window`. */
export const APPEARANCE_EVENT = 'quarterdeck:appearance';

/** `value` as an appearance, or null when it is none (an old or hand-edited stored value). */
export function parseAppearance(value: unknown): Appearance | null {
  return value === 'system' || value === 'light' || value === 'dark' ? value : null;
}

/** The theme to paint: the choice itself, or the system's when the choice is to follow it. */
export function themeFor(choice: Appearance, systemDark: boolean): Theme {
  if (choice === 'system') return systemDark ? 'dark' : 'light';
  return choice;
}
