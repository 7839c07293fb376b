import path from 'node:path';
import { RuleTester } from 'eslint';
import { afterAll, describe, it } from 'vitest';
import { featureBoundaries } from './feature-boundaries.js';

// RuleTester runs its cases as tests of whatever framework it is handed.
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.afterAll = afterAll;

const src = '/app/ui/src';
const at = (file) => path.join(src, file);
const tester = new RuleTester({ languageOptions: { ecmaVersion: 2022, sourceType: 'module' } });

tester.run('feature-boundaries', featureBoundaries(src), {
  valid: [
    { filename: at('features/quarter/QuarterRecord.js'), code: "import { EventForm } from '../events';" },
    { filename: at('features/quarter/QuarterRecord.js'), code: "import { EventForm } from '../events/index';" },
    { filename: at('features/quarter/QuarterRecord.js'), code: "import { EventForm } from '../events/index.ts';" },
    {
      filename: at('features/quarter/QuarterView.js'),
      code: "import './quarter.css'; import x from './timeline/Lane.svelte';",
    },
    { filename: at('features/quarter/timeline/Lane.js'), code: "import { LANE } from '../quarter';" },
    { filename: at('features/quarter/QuarterView.js'), code: "import { plan } from '../../lib/plan.svelte';" },
    { filename: at('App.js'), code: "import { QuarterView } from './features/quarter';" },
    { filename: at('main.js'), code: "import './features/quarter/quarter.css';" },
    { filename: at('lib/plan.js'), code: "import { api } from './ipc/commands'; import { mount } from 'svelte';" },
    { filename: '/elsewhere/tool.js', code: "import x from '../features/quarter/quarter';" },
  ],
  invalid: [
    {
      filename: at('features/quarter/QuarterRecord.js'),
      code: "import EventForm from '../events/EventForm.svelte';",
      errors: [{ messageId: 'internals' }],
    },
    {
      filename: at('features/quarter/timeline/Lane.js'),
      code: "export { LEVEL_LABELS } from '../../load/load';",
      errors: [{ messageId: 'internals' }],
    },
    {
      filename: at('features/quarter/QuarterView.js'),
      code: "const load = () => import('../../features/load/load');",
      errors: [{ messageId: 'internals' }],
    },
    {
      filename: at('App.js'),
      code: "import QuarterView from './features/quarter/QuarterView.svelte';",
      errors: [{ messageId: 'internals' }],
    },
    {
      filename: at('features/load/LoadView.js'),
      code: "import '../quarter/quarter.css';",
      errors: [{ messageId: 'internals' }],
    },
    {
      filename: at('lib/plan.js'),
      code: "import { quarterOf } from '../features/quarter';",
      errors: [{ messageId: 'shared' }],
    },
    {
      filename: at('components/Avatar.js'),
      code: "import { LEVEL_LABELS } from '../features/load/load';",
      errors: [{ messageId: 'shared' }],
    },
  ],
});
