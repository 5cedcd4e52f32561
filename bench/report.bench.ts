// report build times at the default settings (20,000 samples, sensitivity at 5,000, seed 1): one scenario as html,
// md and pdf, the whole catalog as one html report, and the cost of one chart (build + serialise under JSDOM)
import { performance } from 'node:perf_hooks';
import { fromSimulationReport } from '../src/charts/from-deterrence.js';
import { renderSvg, svgDocument } from '../src/charts/render-svg.js';
import { survivalChart } from '../src/charts/survival-chart.js';
import { loadCatalog } from '../src/node/catalog-files.js';
import { buildReport } from '../src/report/build-report.js';
import { collectReport } from '../src/report/collect.js';

const line = (name: string, value: number, unit: string) =>
  process.stdout.write(`${JSON.stringify({ name, value: Number(value.toPrecision(4)), unit })}\n`);
const time = async (fn: () => Promise<unknown>) => {
  const t0 = performance.now();
  await fn();
  return (performance.now() - t0) / 1000;
};

const ONE = 's08-reassurance-force';
const all = [...loadCatalog().catalog.scenarios.keys()];
// warm the catalog, priors, JIT and JSDOM once, as a long-running server would be
await buildReport([ONE], { format: 'html', samples: 1000 });
line('report.one.html', await time(() => buildReport([ONE], { format: 'html' })), 's');
line('report.one.md', await time(() => buildReport([ONE], { format: 'md' })), 's');
line('report.one.pdf', await time(() => buildReport([ONE], { format: 'pdf' })), 's');
line(
  'report.one.no-simulate.html',
  await time(() => buildReport([ONE], { format: 'html', simulate: false })),
  's',
);
line('report.all.html', await time(() => buildReport(all, { format: 'html' })), 's');
line('report.all.scenarios', all.length, 'scenarios');
const model = await collectReport([ONE], { samples: 1000 });
const doc = svgDocument();
const n = 50;
const t0 = performance.now();
for (let i = 0; i < n; i++)
  renderSvg(survivalChart([fromSimulationReport(model.scenarios[0]!.simulation!.report)], { document: doc }));
line('chart.survival.build-and-serialise', (performance.now() - t0) / n, 'ms');
