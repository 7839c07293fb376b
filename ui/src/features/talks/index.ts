// What the rest of the window uses from the talk library: the section, and the
// talk and submission forms the quarter opens.
export { default as SubmissionForm } from './SubmissionForm.svelte';
export { default as TalkForm } from './TalkForm.svelte';
export { default as TalksView } from './TalksView.svelte';
