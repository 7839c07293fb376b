// The quarter plan, the home screen.
export { default as QuarterView } from './QuarterView.svelte';
