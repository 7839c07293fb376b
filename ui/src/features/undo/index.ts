// The toasts that offer to undo a delete.
export { default as UndoToasts } from './UndoToasts.svelte';
