// Opens one parley HTML report in headless Chromium and reads back what a reader would see.
//
//   import { openReport, problems } from './report_page.mjs';
//   const report = await openReport('/path/report.html', { screenshot: '/path/shot.png' });
//   try { assert.deepEqual(problems(report), []); ... } finally { await report.close(); }
//
// The page follows parley's page contract (docs/browser-tests.md, web/report-loader.js): every chart is
// a <figure class="chart" id=ID data-chart=KIND> with a .chart-view (vega-embed draws its SVG
// there) and a <table class="chart-data"> of the same numbers; the loader sets
// window.parleyReport, a Promise that resolves when every chart is embedded and rejects on the
// first chart that fails; <body> carries data-parley-version and data-scenario-hash.
//
// openReport(htmlPath, {screenshot, timeoutMs = 15000, viewport}) resolves to
//   consoleErrors: [{text, url, line}]  console.error messages (and Chromium's own errors, such
//                                       as a failed resource load)
//   pageErrors:    [string]             uncaught exceptions and unhandled rejections
//   requests:      [url]                every request other than the page's own file:// URL.
//                                       All are aborted before they leave the browser: a
//                                       report must make none. data: and blob: URLs are
//                                       inline content, not requests, and are not listed.
//   renderError:   string | null        why window.parleyReport did not resolve (rejected,
//                                       never set, or not settled within timeoutMs)
//   charts:        [{id, kind, svg, marks, error}] one per figure.chart, in page order:
//                  svg   whether .chart-view holds an <svg>;
//                  marks {VEGA_MARK_NAME: number of items drawn}, see below;
//                  error the figure's data-error (set by the loader when its chart failed).
//   tables:        {FIGURE_ID: {header: [th text], rows: [[td text]]} | null}, cell text trimmed
//   meta:          {parleyVersion, scenarioHash, title, renderMs}; renderMs is the time from
//                  the start of navigation to the resolution of window.parleyReport (from the
//                  page's own clock, performance.now()), null when it did not resolve
//   page:          the Playwright Page, for checks of your own (valid until close())
//   close():       closes the browser and removes its fresh profile folder
//
// Marks. Vega's SVG renderer writes one <g> per mark, with class
//   "mark-TYPE role-ROLE NAME"
// TYPE is the Vega mark type (symbol, rect, line, area, rule, text, group, ...), ROLE is "mark"
// for the data marks a spec draws (axes, legends and frames have other roles: axis-grid,
// axis-label, legend-symbol, frame, ...), and NAME is the Vega mark's name. Vega-Lite 6 names
// a unit's mark "<name>_marks", where <name> is the "name" of the unit or layer in the
// Vega-Lite spec (so {"layer": [{"name": "frontier", "mark": "point", ...}]} is drawn as
// <g class="mark-symbol role-mark frontier_marks">), and "marks" / "layer_0_marks",
// "layer_1_marks", ... for unnamed ones. Characters other than letters, digits and "_" in a
// name become "_". Each item of the mark is one child element of that <g>: a <path> per
// symbol (point, circle, square, ...), rect (bar) or area, a <line> per rule, a <text> per
// text; a line or area mark is ONE path for its whole series (count series, not points; add
// "point": true or a point layer to count the points). `marks` counts, for every
// <g class="... role-mark NAME"> inside the figure, its child elements, keyed by NAME
// ("frontier_marks"); groups with the same NAME (facets) add up.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const sourceDir = process.env.PARLEY_SOURCE_DIR ||
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const webModules = path.join(sourceDir, 'web', 'node_modules');
export const chromiumPath = process.env.PARLEY_CHROMIUM || '/usr/bin/chromium';

// Same flags as the machine's own Chromium checks: no sandbox (root), and nothing of
// Chromium's own that reaches for the network (this machine has none).
const kChromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const kInstallHint = 'run scripts/install-deps.sh (it installs Debian chromium and the npm packages of web/package-lock.json)';

async function loadPlaywright() {
  const entry = path.join(webModules, 'playwright-core', 'index.mjs');
  if (!fs.existsSync(entry)) throw new Error(`playwright-core is not installed in ${webModules}: ${kInstallHint}`);
  if (!fs.existsSync(chromiumPath)) throw new Error(`no Chromium at ${chromiumPath}: ${kInstallHint}`);
  return (await import(pathToFileURL(entry).href)).chromium;
}

// Reads the figures, their tables and the page's metadata (runs in the page).
function readPage() {
  const text = (cell) => cell.textContent.trim();
  const charts = [];
  const tables = {};
  for (const figure of document.querySelectorAll('figure.chart')) {
    const marks = {};
    for (const group of figure.querySelectorAll('g.role-mark')) {
      const name = Array.from(group.classList)
        .filter((c) => !c.startsWith('mark-') && c !== 'role-mark').join(' ') || '(unnamed)';
      marks[name] = (marks[name] || 0) + group.childElementCount;
    }
    charts.push({
      id: figure.id,
      kind: figure.dataset.chart ?? null,
      svg: figure.querySelector('.chart-view svg') !== null,
      marks,
      error: figure.dataset.error ?? null,
    });
    const table = figure.querySelector('table.chart-data');
    tables[figure.id] = table && {
      header: Array.from(table.querySelectorAll('thead th'), text),
      rows: Array.from(table.querySelectorAll('tbody tr'),
        (row) => Array.from(row.querySelectorAll('th, td'), text)),
    };
  }
  const body = document.body.dataset;
  return { charts, tables, meta: { parleyVersion: body.parleyVersion ?? null,
    scenarioHash: body.scenarioHash ?? null, title: document.title } };
}

// Waits for window.parleyReport (runs in the page). Returns the page's clock at resolution.
async function waitForCharts(timeoutMs) {
  if (!(window.parleyReport instanceof Promise)) return { error: 'the page set no window.parleyReport Promise' };
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve({ error: `window.parleyReport did not settle within ${timeoutMs} ms` }), timeoutMs);
  });
  const settled = window.parleyReport.then(
    () => ({ renderMs: performance.now() }),
    (e) => ({ error: `window.parleyReport rejected: ${e && e.message || e}` }));
  try { return await Promise.race([settled, timeout]); } finally { clearTimeout(timer); }
}

export async function openReport(htmlPath, { screenshot, timeoutMs = 15000, viewport = { width: 1280, height: 900 } } = {}) {
  const chromium = await loadPlaywright();
  const pageUrl = pathToFileURL(path.resolve(htmlPath)).href;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath, headless: true, args: kChromiumArgs, viewport,
      serviceWorkers: 'block', acceptDownloads: false,
    });
  } catch (e) {
    fs.rmSync(profile, { recursive: true, force: true });
    throw e;
  }
  const close = async () => {
    await context.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  };
  const result = { consoleErrors: [], pageErrors: [], requests: [], renderError: null,
    charts: [], tables: {}, meta: {}, page: null, close };
  try {
    const page = context.pages()[0] ?? await context.newPage();
    result.page = page;
    const isInline = (url) => url.startsWith('data:') || url.startsWith('blob:');
    const record = (url) => { if (url !== pageUrl && !isInline(url) && !result.requests.includes(url)) result.requests.push(url); };
    // Routing sees http(s) requests and aborts them; the request event also sees those routing
    // does not intercept (other file:// URLs, for one), so nothing goes unrecorded.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url === pageUrl) return route.continue();
      record(url);
      return route.abort('blockedbyclient');
    });
    page.on('request', (request) => record(request.url()));
    page.on('websocket', (ws) => record(ws.url()));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const where = message.location();
      result.consoleErrors.push({ text: message.text(), url: where.url, line: where.lineNumber });
    });
    page.on('pageerror', (error) => result.pageErrors.push(String(error && error.message || error)));

    await page.goto(pageUrl, { waitUntil: 'load', timeout: timeoutMs });
    const waited = await page.evaluate(waitForCharts, timeoutMs);
    result.renderError = waited.error ?? null;
    const read = await page.evaluate(readPage);
    Object.assign(result, { charts: read.charts, tables: read.tables });
    result.meta = { ...read.meta, renderMs: waited.renderMs ?? null };
    if (screenshot) {
      fs.mkdirSync(path.dirname(path.resolve(screenshot)), { recursive: true });
      await page.screenshot({ path: screenshot, fullPage: true });
    }
    return result;
  } catch (e) {
    await close();
    throw e;
  }
}

// What is wrong with an opened report, one line each; [] for a good one: console errors, page
// errors, requests, a render error, charts without an SVG, figures without a data table.
export function problems(report) {
  const out = [];
  for (const e of report.consoleErrors) out.push(`console error: ${e.text}${e.url ? ` (${e.url}:${e.line})` : ''}`);
  for (const e of report.pageErrors) out.push(`page error: ${e}`);
  for (const url of report.requests) out.push(`request: ${url}`);
  if (report.renderError) out.push(`render: ${report.renderError}`);
  for (const chart of report.charts) {
    if (!chart.svg) out.push(`chart ${chart.id}: no SVG${chart.error ? ` (${chart.error})` : ''}`);
    if (!report.tables[chart.id]) out.push(`chart ${chart.id}: no table.chart-data`);
  }
  return out;
}
