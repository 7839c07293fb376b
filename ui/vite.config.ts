import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [svelte()],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // WebKitGTK 2.4x, the engine Tauri uses on Linux.
    target: 'safari15',
  },
  test: {
    // The front end's own tests, and those of its lint rules.
    include: ['src/**/*.test.ts', 'lint/**/*.test.js'],
    environment: 'node',
  },
});
