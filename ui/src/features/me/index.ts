// "Me": which person of the plan uses this window (the first-start question and Settings' panel).
export { default as WhoAreYou } from './WhoAreYou.svelte';
export { default as MePanel } from './MePanel.svelte';
