// What the rest of the window uses from the content calendar: the section, the
// content form the quarter opens, and the linked-content panel of the event
// and talk forms.
export { default as ContentForm } from './ContentForm.svelte';
export { default as ContentView } from './ContentView.svelte';
export { default as LinkedContent } from './LinkedContent.svelte';
export type { ContentDraft } from './content';
