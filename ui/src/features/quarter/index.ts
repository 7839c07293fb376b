// The quarter plan, the home screen.
export { default as QuarterView } from './QuarterView.svelte';
// The drawer of any record, for search to open records in.
export { default as QuarterRecord } from './QuarterRecord.svelte';
export type { Opening } from './quarter-openings';
