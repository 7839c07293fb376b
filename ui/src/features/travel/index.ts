// What the rest of the window uses from travel: the section, and the trip form
// (with its draft) the quarter opens.
export { default as TravelView } from './TravelView.svelte';
export { default as TripForm } from './TripForm.svelte';
export type { TripDraft } from './travel';
