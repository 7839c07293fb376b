// Checks of the window's layout and colours, run in the page: what overflows its box, what collides,
// and which text is too faint to read. Shared by fit.test.mjs and appearance.test.mjs.
import { execFileSync } from 'node:child_process';

/**
 * Resizes the window to `width`×`height` pixels and waits until the page has taken the new size: as wide, and
 * as tall less the native menu bar above it (GTK's, about 25 px).
 * WebDriver's setRect goes through WebKitWebDriver to GTK; under Xvfb no window manager runs, so
 * nothing moves or constrains the window in between. xdotool is the fallback should it refuse.
 */
export async function resize(driver, width, height) {
  const fits = () => driver.executeScript('return [window.innerWidth, window.innerHeight]');
  try {
    await driver.manage().window().setRect({ width, height });
  } catch {
    // Refused: the fallback below sizes the X window itself.
  }
  let [w, h] = await fits();
  const taken = () => w === width && h <= height && h >= height - MENU_BAR_MAX;
  if (!taken()) {
    const id = execFileSync('xdotool', ['search', '--name', 'Quarterdeck$'], { encoding: 'utf8' }).trim().split('\n')[0];
    execFileSync('xdotool', ['windowsize', '--sync', id, String(width), String(height)]);
  }
  await driver.wait(
    async () => {
      [w, h] = await fits();
      return taken();
    },
    10_000,
    `the window did not become ${width}×${height}`,
  );
}

/** The most the menu bar may take from the window's height. */
const MENU_BAR_MAX = 40;

/** Runs in the page: a name a person can find the element by in a failure message. */
const DESCRIBE = `
  const describe = (el) => {
    const tag = el.tagName.toLowerCase();
    const cls = [...el.classList].slice(0, 3).map((c) => '.' + c).join('');
    const handle = ['data-testid', 'data-nav', 'data-event', 'data-trip', 'data-talk', 'data-column', 'data-tab']
      .map((a) => el.getAttribute(a) ? '[' + a + '="' + el.getAttribute(a) + '"]' : '').join('');
    const text = (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
    return tag + cls + handle + (text ? ' "' + text + '"' : '');
  };
  const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
`;

/**
 * What overflows, as sentences (none when the view fits): the document or the content area scrolling
 * sideways; a table wider than a box that does not scroll; a card, panel, button or column whose content
 * is wider than itself where it does not scroll; a button squeezed to a sliver.
 */
export async function overflows(driver) {
  // Views that draw to the width they get (the quarter's timeline) redraw a frame after a resize.
  await driver.executeAsyncScript('const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done()));');
  return driver.executeScript(`${DESCRIBE}
    const problems = [];
    const scrolls = (el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
    const doc = document.documentElement;
    // What reaches furthest right past its scroller's edge: the innermost such elements, to name the culprit.
    const culprits = (edge) => [...document.querySelectorAll('body *')]
      .filter((el) => shown(el) && el.getBoundingClientRect().right > edge + 1)
      .filter((el, _, all) => !all.some((other) => other !== el && el.contains(other)))
      .slice(0, 3).map((el) => describe(el) + ' reaches ' + Math.round(el.getBoundingClientRect().right)).join('; ');
    if (doc.scrollWidth > doc.clientWidth + 1) problems.push('the document scrolls sideways: ' + doc.scrollWidth + ' > ' + doc.clientWidth + ' (' + culprits(doc.clientWidth) + ')');
    const main = document.querySelector('main.content');
    const mainEdge = main ? main.getBoundingClientRect().left + main.clientWidth : 0;
    if (main && main.scrollWidth > main.clientWidth + 1) problems.push('the content scrolls sideways: ' + main.scrollWidth + ' > ' + main.clientWidth + ' (' + culprits(mainEdge) + ')');
    // Tables grow to their content, so they are judged against their box below, not against themselves.
    const boxes = 'button, [class*="card"], .panel, .dialog, .drawer, .drawer-body, .board-column, .view-head, .filters, .view-actions, .form-actions, .row, fieldset';
    for (const el of document.querySelectorAll(boxes)) {
      if (!shown(el) || scrolls(el) || el.clientWidth === 0) continue;
      if (el.scrollWidth > el.clientWidth + 1) problems.push(describe(el) + ' holds ' + el.scrollWidth + 'px in ' + el.clientWidth + 'px');
    }
    for (const table of document.querySelectorAll('table')) {
      const box = table.parentElement;
      if (!shown(table) || scrolls(box)) continue;
      const width = table.getBoundingClientRect().width;
      if (width > box.clientWidth + 1) problems.push(describe(table) + ' is ' + Math.round(width) + 'px wide in a ' + box.clientWidth + 'px box that does not scroll');
    }
    for (const b of document.querySelectorAll('button')) {
      if (!shown(b)) continue;
      const r = b.getBoundingClientRect();
      const line = parseFloat(getComputedStyle(b).lineHeight) || 20;
      const words = (b.textContent || '').trim();
      // A sliver: narrower than two characters, or a narrow column of words one or two to a line.
      if (words.length > 1 && (r.width < 24 || (r.width < 100 && r.height > 4 * line + 16))) problems.push(describe(b) + ' is squeezed to ' + Math.round(r.width) + '×' + Math.round(r.height));
    }
    return problems;
  `);
}

/** Pairs among the elements `selector` finds (shown ones) whose boxes overlap by more than a pixel. */
export function collisions(driver, selector) {
  return driver.executeScript(
    `${DESCRIBE}
    const els = [...document.querySelectorAll(arguments[0])].filter(shown);
    const rects = els.map((el) => el.getBoundingClientRect());
    const hits = [];
    for (let i = 0; i < els.length; i++)
      for (let j = i + 1; j < els.length; j++) {
        const a = rects[i], b = rects[j];
        const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (x > 1 && y > 1) hits.push(describe(els[i]) + ' overlaps ' + describe(els[j]));
      }
    return hits;`,
    selector,
  );
}

/**
 * Text under `selector` whose contrast with what it is painted on is below WCAG AA (4.5:1, or 3:1 for
 * large text): the colour and background as painted, with the backgrounds and opacities above it
 * composed. Elements whose own text is empty are skipped; at most `limit` per selector are read.
 */
export function lowContrast(driver, selector, limit = 12) {
  return driver.executeScript(
    `${DESCRIBE}
    const [selector, limit] = arguments;
    const rgba = (c) => { const p = c.match(/[\\d.]+/g).map(Number); return [p[0], p[1], p[2], p[3] ?? 1]; };
    const over = (top, under, a) => top.slice(0, 3).map((v, i) => v * a + under[i] * (1 - a));
    const background = (el) => {
      const layers = [];
      for (let e = el; e; e = e.parentElement) {
        const c = rgba(getComputedStyle(e).backgroundColor);
        if (c[3] > 0) layers.push(c);
        if (c[3] >= 1) break;
      }
      return layers.reverse().reduce((under, c) => over(c, under, c[3]), [255, 255, 255]);
    };
    const opacity = (el) => { let o = 1; for (let e = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity); return o; };
    const luminance = (c) => { const [r, g, b] = c.map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
    const ratio = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((m, n) => n - m); return (x + 0.05) / (y + 0.05); };
    const own = (el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    const low = [];
    for (const el of [...document.querySelectorAll(selector)].filter((e) => shown(e) && own(e) && !e.closest(':disabled')).slice(0, limit)) {
      const style = getComputedStyle(el);
      const bg = background(el);
      const fg = rgba(style.color);
      const seen = over(fg, bg, fg[3] * opacity(el));
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      const r = ratio(seen, bg);
      if (r < (large ? 3 : 4.5)) low.push(describe(el) + ': ' + r.toFixed(2) + ':1 (' + style.color + ' on rgb(' + bg.map(Math.round).join(', ') + '))');
    }
    return low;`,
    selector,
    limit,
  );
}
