// The settings section (with backups and the calendar server).
export { default as SettingsView } from './SettingsView.svelte';
export { default as CalendarSyncListener } from './CalendarSyncListener.svelte';
