// What the rest of the window uses from calendars: the export and import
// dialogs and the drop target the shell hosts, their shared state, and the
// imported-calendars card My load shows.
export { default as CalendarDrop } from './CalendarDrop.svelte';
export { default as CalendarExportDialog } from './CalendarExportDialog.svelte';
export { default as CalendarImportDialog } from './CalendarImportDialog.svelte';
export { default as ImportedCalendars } from './ImportedCalendars.svelte';
export { calendarDialogs } from './calendar-dialogs.svelte';
