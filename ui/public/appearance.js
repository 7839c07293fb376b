// Runs before the page paints (a classic script in <head>; the CSP allows only scripts of our own),
// so that a dark window never flashes white. lib/appearance.svelte.ts takes over once the app starts;
// the key and the values here must match it.
(() => {
  let choice = null;
  try {
    choice = localStorage.getItem('quarterdeck.appearance');
  } catch {
    // Storage refused: follow the system.
  }
  const dark = choice === 'dark' || (choice !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
})();
