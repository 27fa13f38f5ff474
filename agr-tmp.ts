import { agreement, percent } from './bench/snapshot-agreement.ts';
import { generic } from './src/chart/adapters/generic.ts';
import { demoEhr } from './src/chart/adapters/demo-ehr.ts';
import { loadPage } from './tests/unit/chart/load-page.ts';
import { readdirSync } from 'node:fs';
for (const f of readdirSync('tests/fixtures/demo-ehr').filter((f) => f.endsWith('.html'))) {
  const url = `http://127.0.0.1/${f}`; const d = loadPage(`tests/fixtures/demo-ehr/${f}`, url);
  const input = { document: d, url, now: 'N' };
  if (!demoEhr.matches(input)) { console.log(f, 'not demo'); continue; }
  const a = agreement(demoEhr.extract(input), generic.extract(input));
  console.log(f, percent(a), a.checks, Object.entries(a.byArea).map(([k, v]) => `${k} ${percent(v)}`).join(', '));
  console.log(a.misses.join('\n'));
}
