// What the rest of the window uses from events: the pipeline and catalog
// sections, the CFP reminders, and the event form (with its draft) the quarter
// opens from its lanes.
export { default as CatalogView } from './CatalogView.svelte';
export { default as EventForm } from './EventForm.svelte';
export { default as EventsView } from './EventsView.svelte';
export { default as ReminderToasts } from './ReminderToasts.svelte';
export type { EventDraft } from './event-drafts';
export { catalogDraft } from './event-drafts';
