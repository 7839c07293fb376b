// What the rest of the window uses from workload: the section, the sidebar's
// count, level names, and the what-if panel (with when to show it) of the
// event, submission and trip forms.
export { default as LoadView } from './LoadView.svelte';
export { default as WhatIfPanel } from './WhatIfPanel.svelte';
export { LEVEL_LABELS, eventWantsWhatIf, peopleWithRedAhead, submissionWantsWhatIf } from './load';
