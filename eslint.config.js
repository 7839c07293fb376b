// ESLint for the front end (ui/): the recommended JavaScript, TypeScript and
// Svelte rules, a few of our own, and the folder boundaries of ui/src (see
// ui/lint/feature-boundaries.js). Formatting is Prettier's (npm run lint runs both).
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import { featureBoundaries } from './ui/lint/feature-boundaries.js';

const src = fileURLToPath(new URL('./ui/src', import.meta.url));

export default defineConfig(
  {
    // Generated from the Rust types (src-tauri/src/bindings.rs), or built.
    ignores: ['ui/dist/', 'ui/src/lib/ipc/types.ts', 'ui/src/lib/ipc/commands.ts'],
  },
  js.configs.recommended,
  ts.configs.recommended,
  svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['ui/*.ts', 'ui/lint/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // TypeScript inside <script lang="ts"> and in rune modules (*.svelte.ts).
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    plugins: { quarterdeck: { rules: { 'feature-boundaries': featureBoundaries(src) } } },
    rules: {
      'quarterdeck/feature-boundaries': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
