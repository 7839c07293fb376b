// An ESLint rule that keeps ui/src's folders apart, by where an import lands:
// - a feature (features/<name>/) reaches another feature only through that
//   feature's index.ts, so that the rest of a feature can change freely;
// - lib/ and components/ serve every feature and reach into none;
// - the shell (main.ts, App.svelte) uses features through their index.ts too,
//   but imports their stylesheets itself, in the order the cascade needs.
// Paths resolve from the importing file, so any depth of folders is covered.
import path from 'node:path';

/** The folders under `src` that a file at `file` sits in, or null outside `src`. */
function foldersIn(src, file) {
  const relative = path.relative(src, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? null : relative.split(path.sep);
}

/** @param {string} src the absolute path of ui/src */
export function featureBoundaries(src) {
  return {
    meta: {
      type: 'problem',
      docs: { description: 'Features import each other only through index.ts; lib/ and components/ import no feature' },
      messages: {
        internals: "'{{source}}' is inside the {{feature}} feature: import it from that feature's index.ts.",
        shared: "{{folder}}/ is shared by every feature and must not import from features/ ('{{source}}').",
      },
      schema: [],
    },
    create(context) {
      const from = foldersIn(src, context.filename);
      if (!from) return {};
      const check = (node) => {
        const source = node.source?.value;
        if (typeof source !== 'string' || !source.startsWith('.')) return;
        const to = foldersIn(src, path.resolve(path.dirname(context.filename), source));
        if (!to || to[0] !== 'features' || to.length < 2) return;
        if (from[0] === 'lib' || from[0] === 'components') {
          context.report({ node: node.source, messageId: 'shared', data: { folder: from[0], source } });
          return;
        }
        const sameFeature = from[0] === 'features' && from[1] === to[1];
        const index = to.length === 2 || (to.length === 3 && /^index(\.ts)?$/.test(to[2]));
        const shellStylesheet = from.length === 1 && source.endsWith('.css');
        if (!sameFeature && !index && !shellStylesheet) {
          context.report({ node: node.source, messageId: 'internals', data: { feature: to[1], source } });
        }
      };
      return {
        ImportDeclaration: check,
        ExportNamedDeclaration: check,
        ExportAllDeclaration: check,
        ImportExpression: check,
      };
    },
  };
}
