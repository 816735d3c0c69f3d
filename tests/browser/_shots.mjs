import { openReport } from './report_page.mjs';
const [html, ...ids] = process.argv.slice(2);
const r = await openReport(html, {});
try {
  for (const id of ids) {
    const el = await r.page.$('#' + id);
    await el.screenshot({ path: `/tmp/shots/${id}.png` });
  }
  await r.page.screenshot({ path: '/tmp/shots/top.png' });
} finally { await r.close(); }
