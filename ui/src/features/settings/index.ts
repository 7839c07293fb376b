// The settings section (with backups).
export { default as SettingsView } from './SettingsView.svelte';
