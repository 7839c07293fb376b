// The window's main screens in the sidebar's order (Ctrl+1 is the first): the
// sidebar (App.svelte) and Help → Keyboard shortcuts read this one list.

export const SCREENS = [
  { id: 'quarter', label: 'Quarter' },
  { id: 'people', label: 'People' },
  { id: 'events', label: 'Events' },
  { id: 'talks', label: 'Talk library' },
  { id: 'content', label: 'Content' },
  { id: 'travel', label: 'Travel' },
  { id: 'load', label: 'Load' },
  { id: 'catalog', label: 'Conference catalog' },
] as const;

export type Screen = (typeof SCREENS)[number]['id'];
