// Every keyboard shortcut the window answers, for Help → Keyboard shortcuts.
// The menu bar (src-tauri/src/app/menu.rs) and App.svelte hold the same keys.

import { SCREENS } from '../../lib/screens';

export type Shortcut = { keys: string; what: string };
export type ShortcutGroup = { title: string; shortcuts: Shortcut[] };

export const SHORTCUTS: ShortcutGroup[] = [
  {
    title: 'Plans and files',
    shortcuts: [
      { keys: 'Ctrl+N', what: 'New plan (in a window of its own)' },
      { keys: 'Ctrl+O', what: 'Open plan (in a window of its own)' },
      { keys: 'Ctrl+I', what: 'Import a calendar as busy time' },
      { keys: 'Ctrl+Shift+E', what: 'Export calendar' },
      { keys: 'Ctrl+Q', what: 'Quit (asks first about unsaved changes)' },
    ],
  },
  {
    title: 'Editing',
    shortcuts: [
      { keys: 'Ctrl+Z', what: 'Undo typing in a field; elsewhere, bring back the last deletion' },
      { keys: 'Ctrl+Shift+Z', what: 'Redo typing in a field' },
      { keys: 'Ctrl+X / Ctrl+C / Ctrl+V', what: 'Cut, copy, paste' },
      { keys: 'Ctrl+A', what: 'Select all' },
      { keys: 'Escape', what: 'Close a drawer or dialog (asks first about unsaved changes)' },
    ],
  },
  {
    title: 'Screens',
    shortcuts: [
      ...SCREENS.map((screen, i) => ({ keys: `Ctrl+${i + 1}`, what: screen.label })),
      { keys: 'Ctrl+,', what: 'Settings' },
      { keys: 'Ctrl+R', what: 'Read the plan again (an open form keeps what was typed)' },
    ],
  },
  {
    title: 'Help',
    shortcuts: [
      { keys: 'Ctrl+/', what: 'This list' },
      { keys: 'F1', what: 'Documentation' },
      { keys: 'F10', what: 'Open the menu bar (then the arrow keys)' },
    ],
  },
];
