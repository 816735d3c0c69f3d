#!/usr/bin/env node
// Opens one HTML report in headless Chromium (report_page.mjs) and checks it: no console or
// page error, no request, window.parleyReport resolved, every figure drawn as SVG with its
// data table, and the mark counts asked for. For C++ tests and ctest entries that generate a
// report and then look at it in a browser.
//
//   node tests/browser/check_report.mjs REPORT.html [--screenshot PNG] [--json OUT.json]
//        [--expect-marks FIGURE_ID:VEGA_MARK_NAME=COUNT]... [--expect-charts N]
//
// --json writes what the page shows ({consoleErrors, pageErrors, requests, renderError,
// charts, tables, meta}, see report_page.mjs), for comparing the tables with the JSON output
// of the same command. Exit status: 0 the report is good; 1 a check failed (each problem on
// stderr, one line each); 2 bad arguments or no browser (run scripts/install-deps.sh).
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { openReport, problems } from './report_page.mjs';

let args;
try {
  args = parseArgs({ allowPositionals: true, options: {
    screenshot: { type: 'string' }, json: { type: 'string' },
    'expect-marks': { type: 'string', multiple: true, default: [] },
    'expect-charts': { type: 'string' } } });
  if (args.positionals.length !== 1) throw new Error('give exactly one REPORT.html');
} catch (e) {
  console.error(`check_report: ${e.message}\nusage: node check_report.mjs REPORT.html [--screenshot PNG] [--json OUT.json] [--expect-marks ID:MARK=N]... [--expect-charts N]`);
  process.exit(2);
}
const [htmlPath] = args.positionals;
if (!fs.existsSync(htmlPath)) { console.error(`check_report: no file ${htmlPath}`); process.exit(2); }

let report;
try {
  report = await openReport(htmlPath, { screenshot: args.values.screenshot });
} catch (e) {
  console.error(`check_report: ${e.message}`);
  process.exit(2);
}
try {
  const found = problems(report);
  for (const expectation of args.values['expect-marks']) {
    const match = /^([^:]+):([^=]+)=(\d+)$/.exec(expectation);
    if (!match) { found.push(`bad --expect-marks ${expectation} (want ID:MARK=N)`); continue; }
    const [, id, mark, count] = match;
    const chart = report.charts.find((c) => c.id === id);
    const actual = chart ? chart.marks[mark] ?? 0 : undefined;
    if (!chart) found.push(`no figure.chart#${id}`);
    else if (actual !== Number(count)) found.push(`chart ${id}: ${actual} ${mark}, expected ${count} (marks: ${JSON.stringify(chart.marks)})`);
  }
  const wanted = args.values['expect-charts'];
  if (wanted !== undefined && report.charts.length !== Number(wanted)) found.push(`${report.charts.length} charts, expected ${wanted}`);
  if (args.values.json) {
    const { page, close, ...data } = report;
    fs.writeFileSync(args.values.json, JSON.stringify(data, null, 2));
  }
  for (const p of found) console.error(p);
  console.log(`${htmlPath}: ${report.charts.length} charts, ${found.length} problems, rendered in ${report.meta.renderMs === null ? '-' : report.meta.renderMs.toFixed(0)} ms`);
  process.exitCode = found.length === 0 ? 0 : 1;
} finally {
  await report.close();
}
