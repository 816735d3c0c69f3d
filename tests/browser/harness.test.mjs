// Tests of the browser harness itself (report_page.mjs) on hand-written pages in
// tests/browser/fixtures/: a good page with two charts drawn by the real, inlined vega
// libraries, and three bad pages, each of which the harness must catch.
// Run: node --test tests/browser/harness.test.mjs (ctest: browser.harness).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openReport, problems } from './report_page.mjs';
import { buildFixture } from './fixtures.mjs';

// Screenshots go to the build folder when ctest runs us, so a person can look at them.
const outDir = process.env.PARLEY_BUILD
  ? path.join(process.env.PARLEY_BUILD, 'tests', 'browser', 'harness')
  : fs.mkdtempSync(path.join(os.tmpdir(), 'parley-harness-'));
const pages = {};
before(() => {
  for (const name of ['good', 'console-error', 'network', 'broken-spec']) pages[name] = buildFixture(name, outDir);
});

async function withReport(name, options, check) {
  const report = await openReport(pages[name], options);
  try { await check(report); } finally { await report.close(); }
}

test('a good page: both charts drawn, with their marks, tables and metadata, and no problem', async () => {
  const screenshot = path.join(outDir, 'good.png');
  fs.rmSync(screenshot, { force: true });
  await withReport('good', { screenshot }, (report) => {
    assert.deepEqual(problems(report), []);
    assert.equal(report.renderError, null);
    assert.deepEqual(report.charts.map((c) => [c.id, c.kind, c.svg]),
      [['chart-1', 'frontier', true], ['chart-2', 'positions', true]]);
    // Vega-Lite's layer "name" X becomes Vega's mark X_marks; a line is one path per series.
    assert.deepEqual(report.charts[0].marks,
      { frontier_marks: 1, frontier_points_marks: 3, agreement_marks: 1, agreement_label_marks: 1 });
    assert.deepEqual(report.charts[1].marks, { positions_marks: 5 });
    assert.deepEqual(report.tables['chart-1'], {
      header: ['party A', 'party B'],
      rows: [['0.1', '0.9'], ['0.5', '0.6'], ['0.9', '0.2'], ['0.5', '0.55']],
    });
    assert.deepEqual(report.tables['chart-2'].rows.map((r) => r[0]), ['A', 'B', 'C', 'D', '<script>']);
    assert.equal(report.meta.parleyVersion, '0.1.0');
    assert.equal(report.meta.scenarioHash, 'sha256:0123456789abcdef');
    assert.equal(typeof report.meta.renderMs, 'number');
    assert.ok(report.meta.renderMs > 0);
    console.log(`# good page rendered in ${report.meta.renderMs.toFixed(0)} ms after navigation`);
  });
  const png = fs.readFileSync(screenshot);
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
});

test('a console error is caught', async () => {
  await withReport('console-error', {}, (report) => {
    assert.deepEqual(report.consoleErrors.map((e) => e.text), ['fixture: something went wrong']);
    assert.equal(report.renderError, null);  // no charts: the loader resolves at once
    assert.deepEqual(problems(report), ['console error: fixture: something went wrong' +
      ` (${report.consoleErrors[0].url}:${report.consoleErrors[0].line})`]);
  });
});

test('a network request is caught, and aborted', async () => {
  await withReport('network', {}, (report) => {
    assert.deepEqual(report.requests, ['http://127.0.0.1:9/x.png']);
    assert.ok(problems(report).includes('request: http://127.0.0.1:9/x.png'));
    // The aborted load shows as Chromium's own console error, naming the blocking.
    assert.match(report.consoleErrors.map((e) => e.text).join('\n'), /ERR_BLOCKED_BY_CLIENT/);
  });
});

test('broken specs are caught: the report promise rejects and neither chart is drawn', async () => {
  await withReport('broken-spec', {}, (report) => {
    assert.match(report.renderError ?? '', /rejected: chart chart-bad-(mark|json): /);
    assert.deepEqual(report.charts.map((c) => c.svg), [false, false]);
    assert.ok(report.charts[0].error, 'the loader marks the failed figure');  // Vega-Lite's message does not name the mark
    assert.match(report.charts[1].error ?? '', /JSON/);
    const found = problems(report);
    assert.ok(found.some((p) => p.startsWith('render: ')), found.join('\n'));
    assert.ok(found.some((p) => p.startsWith('chart chart-bad-mark: no SVG')), found.join('\n'));
  });
});

test('check_report.mjs: exit 0 for a good page with the marks asked for, 1 for a bad page or a wrong count', () => {
  const script = new URL('./check_report.mjs', import.meta.url).pathname;
  const run = (...args) => spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
  const json = path.join(outDir, 'good.json');
  const good = run(pages.good, '--expect-charts', '2', '--expect-marks', 'chart-2:positions_marks=5', '--json', json);
  assert.equal(good.status, 0, good.stderr);
  assert.deepEqual(JSON.parse(fs.readFileSync(json, 'utf8')).tables['chart-2'].header, ['actor', 'position']);
  const wrongCount = run(pages.good, '--expect-marks', 'chart-2:positions_marks=4');
  assert.equal(wrongCount.status, 1);
  assert.match(wrongCount.stderr, /chart chart-2: 5 positions_marks, expected 4/);
  const network = run(pages.network);
  assert.equal(network.status, 1);
  assert.match(network.stderr, /request: http:\/\/127\.0\.0\.1:9\/x\.png/);
  assert.equal(run('/no/such/report.html').status, 2);
});

after(() => { if (!process.env.PARLEY_BUILD) fs.rmSync(outDir, { recursive: true, force: true }); });
