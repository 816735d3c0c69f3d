// `parley report` pages in headless Chromium: the flagship scenario, a tournament database,
// a sweep database and a hostile scenario. Each page must draw every chart with the marks the
// results call for, make no request, log no error, and hold the numbers that the JSON output
// of the matching command gives (computed by other code: analyze, forecast, negotiate,
// results). Screenshots go to PARLEY_BUILD/tests/browser/report/.
// Run: ctest -R browser.report (or node --test with PARLEY set to the binary).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openReport, problems } from './report_page.mjs';

const parley = process.env.PARLEY ?? 'build/parley';
const source = process.env.PARLEY_SOURCE_DIR ?? path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const flagship = path.join(source, 'scenarios/talks-2025.yaml');
const laptop = path.join(source, 'tests/data/genius/anac/y2011/Laptop');
const outDir = process.env.PARLEY_BUILD
  ? path.join(process.env.PARLEY_BUILD, 'tests', 'browser', 'report')
  : fs.mkdtempSync(path.join(os.tmpdir(), 'parley-report-'));

const run = (...args) => execFileSync(parley, args, { encoding: 'utf8', maxBuffer: 256 << 20 });
const json = (...args) => JSON.parse(run(...args));
const fixed = (x, digits) => Number(x).toFixed(digits);

async function withReport(file, options, check) {
  const report = await openReport(file, options);
  try { await check(report); } finally { await report.close(); }
}

const pages = {};
before(() => {
  fs.mkdirSync(outDir, { recursive: true });
  pages.flagship = path.join(outDir, 'talks-2025.html');
  run('report', flagship, '-o', pages.flagship);
  pages.tournamentDb = path.join(outDir, 'tournament.sqlite');
  pages.sweepDb = path.join(outDir, 'sweep.sqlite');
  for (const db of [pages.tournamentDb, pages.sweepDb]) fs.rmSync(db, { force: true });
  run('tournament', '--strategies', 'boulware,conceder,hardliner,tit_for_tat', '--domains', laptop, '--db', pages.tournamentDb, '--quiet');
  run('sweep', flagship, '--runs', '24', '--db', pages.sweepDb, '--quiet');
  pages.tournament = path.join(outDir, 'tournament.html');
  pages.sweep = path.join(outDir, 'sweep.html');
  run('report', pages.tournamentDb, '-o', pages.tournament);
  run('report', pages.sweepDb, '-o', pages.sweep);
});

test('the flagship report: every chart drawn, no request, no error', async () => {
  await withReport(pages.flagship, { screenshot: path.join(outDir, 'talks-2025.png') }, async (report) => {
    assert.deepEqual(problems(report), []);
    const kinds = {};
    for (const chart of report.charts) kinds[chart.kind] = (kinds[chart.kind] ?? 0) + 1;
    assert.deepEqual(kinds, { positions: 9, frontier: 2, dance: 2, forecast: 9, history: 2, variants: 1 });
    assert.ok(report.charts.every((c) => c.svg));
    assert.equal(report.meta.parleyVersion, run('--version').trim().replace('parley ', ''));
    assert.equal(report.meta.scenarioHash, json('forecast', flagship, '--json').parley.scenario_hash);
    // A picture of one chart for the README (docs/images/talks-2025-report.png comes from here).
    const territory = report.charts.find((c) => c.kind === 'positions' && report.tables[c.id].rows.length === 6);
    await report.page.locator(`#${territory.id}`).screenshot({ path: path.join(outDir, 'talks-2025-positions.png') });
  });
});

test('the flagship report: positions and forecasts match `parley forecast --json`', async () => {
  const forecast = json('forecast', flagship, '--json');
  await withReport(pages.flagship, {}, (report) => {
    const positions = report.charts.filter((c) => c.kind === 'positions');
    for (const chart of positions) {
      const rows = report.tables[chart.id].rows;
      assert.equal(chart.marks.actors_marks, rows.length, chart.id);
      assert.ok(rows.length > 0 && rows.length <= forecast.actors.length, `${chart.id}: ${rows.length} actors`);
    }
    const forecasts = report.charts.filter((c) => c.kind === 'forecast');
    assert.equal(forecasts.length, forecast.issues.length);
    forecasts.forEach((chart, d) => {
      const issue = forecast.issues[d].id;
      const table = report.tables[chart.id];
      assert.equal(chart.marks.forecasts_marks, forecast.models.length, chart.id);
      for (const model of forecast.models) {
        const row = table.rows.find((r) => r[0] === model.model);
        assert.ok(row, `${chart.id}: no row for ${model.model}`);
        assert.equal(row[1], fixed(model.outcome[issue], 2), `${chart.id} ${model.model} ${issue}`);
      }
    });
  });
});

test('the flagship report: frontiers match `parley negotiate --json` and `analyze`, dances the trace', async () => {
  const traceFile = path.join(outDir, 'talks-2025.trace.jsonl');
  run('negotiate', flagship, '--trace', traceFile);
  const trace = fs.readFileSync(traceFile, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
  const negotiation = json('negotiate', flagship, '--json');
  await withReport(pages.flagship, {}, (report) => {
    const frontiers = report.charts.filter((c) => c.kind === 'frontier');
    const dances = report.charts.filter((c) => c.kind === 'dance');
    negotiation.stages.forEach((stage, k) => {
      const analysis = stage.analysis;
      const drawn = Math.min(analysis.pareto_size, 600);
      assert.equal(frontiers[k].marks.frontier_marks, drawn, stage.id);
      const rows = report.tables[frontiers[k].id].rows;
      assert.equal(rows.filter((r) => /^P\d+$/.test(r[0])).length, drawn, stage.id);
      assert.equal(report.tables[frontiers[k].id].header.length, 1 + analysis.parties.length);
      for (const [label, key] of [['Nash', 'nash'], ['Kalai-Smorodinsky', 'kalai_smorodinsky']]) {
        const row = rows.find((r) => r[0] === label);
        assert.deepEqual(row.slice(1), analysis.parties.map((p) => fixed(analysis[key].utilities[p], 3)), `${stage.id} ${label}`);
      }
      if (k === 0) {  // the first stage's agenda is the one `parley analyze` takes by default
        const standalone = json('analyze', flagship, '--stage', stage.id, '--json');
        assert.equal(standalone.pareto.length, analysis.pareto_size);
        standalone.pareto.forEach((point, i) =>
          assert.deepEqual(rows[i].slice(1), point.utilities.map((u) => fixed(u, 3)), `${stage.id} P${i + 1}`));
      }
      const offers = trace.filter((e) => e.stage === stage.id && e.kind === 'offer');
      const danceRows = report.tables[dances[k].id].rows;
      assert.equal(danceRows.length, offers.length, `${stage.id}: one row per offer`);
      const stakeholders = Object.keys(offers[0].utilities).length;
      assert.equal(dances[k].marks.offers_marks, offers.length * stakeholders, `${stage.id}: a mark per offer and stakeholder`);
      assert.equal(Number(danceRows.at(-1)[0]), offers.at(-1).round + 1, `${stage.id}: rounds`);
    });
  });
});

test('a tournament database: ranking and box plots match `parley results --json`', async () => {
  const results = json('results', pages.tournamentDb, '--json');
  await withReport(pages.tournament, { screenshot: path.join(outDir, 'tournament.png') }, (report) => {
    assert.deepEqual(problems(report), []);
    const ranking = report.charts.find((c) => c.kind === 'ranking');
    assert.equal(ranking.marks.means_marks, results.ranking.length);
    results.ranking.forEach((s, i) => {
      const row = report.tables[ranking.id].rows[i];
      assert.deepEqual(row.slice(0, 5), [String(i + 1), s.strategy, fixed(s.utility.mean, 3), fixed(s.utility.low, 3),
        fixed(s.utility.high, 3)]);
    });
    const boxes = report.charts.find((c) => c.kind === 'utilities');
    assert.equal(boxes.marks.boxes_marks, results.ranking.length);
    for (const row of report.tables[boxes.id].rows) {
      const s = results.ranking.find((r) => r.strategy === row[0]);
      assert.equal(Number(row[1]), s.negotiations, row[0]);
    }
  });
});

test('a sweep database: quantiles, histograms and tornados match `parley results --json`', async () => {
  const results = json('results', pages.sweepDb, '--json');
  await withReport(pages.sweep, { screenshot: path.join(outDir, 'sweep.png') }, (report) => {
    assert.deepEqual(problems(report), []);
    const quantiles = report.charts.filter((c) => c.kind === 'sweep-forecast');
    for (const chart of quantiles) {
      for (const row of report.tables[chart.id].rows) {
        const match = results.forecasts.filter((f) => f.model === row[0] && fixed(f.median, 2) === row[3] &&
          fixed(f.p10, 2) === row[2] && fixed(f.p90, 2) === row[4]);
        assert.ok(match.length >= 1, `${chart.id}: ${row.join(' ')} is in the JSON`);
      }
      assert.equal(chart.marks.medians_marks, report.tables[chart.id].rows.length);
    }
    const histograms = report.charts.filter((c) => c.kind === 'histogram');
    assert.equal(histograms.length, results.stages.length);
    for (const chart of histograms) {
      const rows = report.tables[chart.id].rows;
      assert.equal(chart.marks.bins_marks, rows.length);
      const actors = new Set(rows.map((r) => r[0]));
      for (const actor of actors)
        assert.equal(rows.filter((r) => r[0] === actor).reduce((n, r) => n + Number(r[3]), 0) <= results.runs, true);
    }
    const tornados = report.charts.filter((c) => c.kind === 'tornado');
    assert.ok(tornados.length > 0);
    for (const chart of tornados) assert.equal(chart.marks.influences_marks, report.tables[chart.id].rows.length);
  });
});

test('the evaluation: errors and coverage match `parley evaluate --json`', async () => {
  // The first 60 of DEU's 353 issues: the same page, a sixth of the evaluation's time (which
  // matters under the sanitizers).
  const data = path.join(outDir, 'deu-60.tsv');
  fs.writeFileSync(data, fs.readFileSync(path.join(source, 'tests/data/deu/deu3.tsv'), 'utf8').split('\n').slice(0, 62).join('\n') + '\n');
  const html = path.join(outDir, 'evaluation.html');
  run('report', '--evaluate', data, '-o', html);
  const evaluation = json('evaluate', data, '--json');
  await withReport(html, { screenshot: path.join(outDir, 'evaluation.png') }, (report) => {
    assert.deepEqual(problems(report), []);
    assert.equal(report.meta.scenarioHash, evaluation.parley.scenario_hash);
    const mae = report.charts.find((c) => c.kind === 'mae');
    const scored = evaluation.scores.filter((s) => s.n > 0);
    assert.equal(mae.marks.bars_marks, scored.length);
    scored.forEach((s, i) => assert.deepEqual(report.tables[mae.id].rows[i].slice(0, 3),
      [s.name, fixed(s.mae, 2), fixed(s.median_ae, 2)], s.name));
    const coverage = report.charts.find((c) => c.kind === 'coverage');
    const covered = evaluation.scores.filter((s) => s.coverage80 !== null && s.coverage80 !== undefined);
    assert.equal(coverage.marks.coverage_marks, covered.length);
    covered.forEach((s, i) => assert.equal(report.tables[coverage.id].rows[i][1], `${(100 * s.coverage80).toFixed(1)}%`, s.name));
    const errors = report.charts.find((c) => c.kind === 'errors');
    assert.equal(report.tables[errors.id].rows.length, evaluation.cases);
    assert.equal(errors.marks.boxes_marks, scored.length);
  });
});

test('labels from the input show as text: no script runs', async () => {
  const file = path.join(outDir, 'hostile.yaml');
  fs.writeFileSync(file, [
    'name: "<script>alert(1)</script>"',
    'issues:',
    '  aid: {name: "<img src=x onerror=alert(2)>"}',
    'actors:',
    '  us: {name: "</script><script>alert(3)</script>", stances: {aid: {position: 10, salience: 1}}}',
    '  ru: {stances: {aid: {position: 90, salience: 1}}}', ''].join('\n'));
  const html = path.join(outDir, 'hostile.html');
  run('report', file, '-o', html);
  await withReport(html, {}, async (report) => {
    const dialogs = [];
    report.page.on('dialog', (dialog) => { dialogs.push(dialog.message()); dialog.dismiss(); });
    await report.page.reload();
    await report.page.evaluate(() => window.parleyReport);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(problems(report), []);
    assert.equal(await report.page.locator('h1').textContent(), '<script>alert(1)</script>');
    const names = report.tables[report.charts[0].id].rows.map((r) => r[0]);
    assert.ok(names.includes('</script><script>alert(3)</script>'), names.join(', '));
  });
});
