// The native menu bar's side in the page: the one listener for its actions,
// with the About and Keyboard shortcuts dialogs it opens.
export { default as MenuActions } from './MenuActions.svelte';
