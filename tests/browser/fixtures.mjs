// Builds the harness's fixture pages: each tests/browser/fixtures/NAME.html with the chart
// libraries and parley's loader inlined where it says <!-- parley:libraries -->, as
// `parley report` inlines them. The libraries come from web/node_modules (npm ci), so the
// repository holds no megabyte of generated page.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceDir, webModules } from './report_page.mjs';

export const fixtureDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

// In load order, as parley::chart_library() and parley::report_loader() give them.
export const libraryFiles = [
  path.join(webModules, 'vega', 'build', 'vega.min.js'),
  path.join(webModules, 'vega-lite', 'build', 'vega-lite.min.js'),
  path.join(webModules, 'vega-embed', 'build', 'vega-embed.min.js'),
  path.join(sourceDir, 'web', 'report-loader.js'),
];

// A script's text ends at the first "</script" whatever its case; "<\/script" means the same
// in JavaScript strings and regular expressions.
export const escapeScript = (js) => js.replace(/<\/(script)/gi, '<\\/$1');

export function buildFixture(name, outDir) {
  const scripts = libraryFiles.map((file) => {
    if (!fs.existsSync(file)) throw new Error(`missing ${file}: run scripts/install-deps.sh`);
    return `<script>${escapeScript(fs.readFileSync(file, 'utf8'))}</script>`;
  }).join('\n');
  const html = fs.readFileSync(path.join(fixtureDir, `${name}.html`), 'utf8')
    .replace('<!-- parley:libraries -->', () => scripts);
  fs.mkdirSync(outDir, { recursive: true });
  const out = path.join(outDir, `${name}.html`);
  fs.writeFileSync(out, html);
  return out;
}
