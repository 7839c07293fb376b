// Search across everything: the Ctrl+K palette the shell hosts.
export { default as CommandPalette } from './CommandPalette.svelte';
export { palette } from './palette.svelte';
