// What the rest of the window uses from people: the section, and the time-off
// form the quarter opens from its time-off lane, and the person form search opens.
export { default as PeopleView } from './PeopleView.svelte';
export { default as TimeOffForm } from './TimeOffForm.svelte';
export { default as PersonForm } from './PersonForm.svelte';
