import { mount } from 'svelte';
import App from './App.svelte';
import { markPainted } from './lib/paint-probe';
import './app.css';
import './features/events/pipeline.css';
import './features/talks/talks.css';
import './features/content/content.css';
import './features/travel/travel.css';
import './features/load/load.css';
import './features/calendars/calendars.css';
import './features/undo/undo.css';
import './features/quarter/quarter.css';
import './features/settings/settings.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
const app = mount(App, { target });
markPainted('first');
export default app;
