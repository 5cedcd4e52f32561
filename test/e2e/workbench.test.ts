// the workbench in a real browser: the built server (`guarantor serve --port 0`, throwaway database) driven through
// Debian's Chromium. Flows of issue 6 plus keyboard navigation and an axe-core check of every main view.
// Screenshots: test/e2e/artifacts/. Timings are logged, never asserted.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axe,
  describeViolations,
  launchBrowser,
  type RunningServer,
  screenshot,
  startServer,
} from './support/browser.js';

const A = 's01-nato-article-5';
const B = 's08-reassurance-force';

let server: RunningServer;
let browser: Browser;
const pageErrors: string[] = [];

async function open(path: string): Promise<Page> {
  const ctx = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${path}: ${e.message}`));
  page.setDefaultTimeout(30_000);
  await page.goto(`${server.url}${path}`);
  return page;
}

async function checkA11y(page: Page, view: string): Promise<void> {
  const vs = await axe(page);
  const bad = vs.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const moderate = vs.filter((v) => v.impact === 'moderate' || v.impact === 'minor');
  if (moderate.length)
    process.stderr.write(`axe ${view}: ${moderate.length} moderate/minor\n${describeViolations(moderate)}\n`);
  expect(bad, `axe ${view}:\n${describeViolations(bad)}`).toEqual([]);
}

describe('workbench in Chromium', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    expect(pageErrors, 'uncaught errors in the page').toEqual([]);
  });

  it('opens the catalog and shows two scorecards side by side', async () => {
    const page = await open('/');
    await page.getByRole('heading', { level: 1, name: 'Scenario catalog' }).waitFor();
    const rows = page.locator('table >> nth=-1').locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThanOrEqual(20);
    await page.getByRole('checkbox', { name: /Select NATO membership/ }).check();
    await page.getByRole('checkbox', { name: /Select Reassurance force/ }).check();
    expect(page.url()).toContain(`ids=${A}%2C${B}`);
    await page.locator('[data-chart="scorecards"] svg').waitFor();
    // sorting: a click on Overall orders the rows
    await page.getByRole('button', { name: /^Overall/ }).click();
    const overall = await page
      .locator('table >> nth=-1')
      .locator('tbody tr td:nth-child(5)')
      .allTextContents();
    const nums = overall.map(Number);
    expect(nums).toEqual([...nums].sort((a, b) => a - b));
    await screenshot(page, 'catalog');
    await checkA11y(page, 'catalog');
    await page.context().close();
  });

  it('opens a scenario: instruments, findings linked to sources, forces and cost', async () => {
    const page = await open('/');
    await page.getByRole('link', { name: /Reassurance force behind the lines/ }).click();
    await page.waitForURL(`**/scenarios/${B}`);
    await page.getByRole('heading', { level: 1, name: /Reassurance force/ }).waitFor();
    await page.getByRole('table', { name: 'Instruments' }).waitFor();
    expect(
      await page.getByRole('table', { name: 'Instruments' }).locator('tbody tr').count(),
    ).toBeGreaterThan(0);
    await screenshot(page, 'scenario-instruments');
    await checkA11y(page, 'scenario');
    await page.getByRole('tab', { name: 'Findings' }).click();
    await page.getByTestId('findings').waitFor();
    expect(page.url()).toContain('tab=findings');
    const link = page.getByTestId('findings').locator('a[href^="/sources#"]').first();
    const href = await link.getAttribute('href');
    await checkA11y(page, 'scenario findings');
    await page.getByRole('tab', { name: 'Forces and cost' }).click();
    await page.getByRole('table', { name: 'Force groups' }).waitFor();
    await screenshot(page, 'scenario-forces');
    // a finding's source link lands on its anchor in the bibliography
    await page.getByRole('tab', { name: 'Findings' }).click();
    await page.locator(`a[href="${href}"]`).first().click();
    await page.waitForURL(`**${href}`);
    const id = decodeURIComponent(href!.split('#')[1]!);
    await page.locator(`li[id="${id}"]`).waitFor();
    await page.context().close();
  });

  it('edits an instrument in the form and sees the YAML, the findings and the live simulation change', async () => {
    const page = await open(`/editor?from=${B}`);
    const findings = page.getByTestId('findings');
    await findings.waitFor();
    await page.getByTestId('live-simulation').waitFor();
    const ids = async () =>
      (
        await findings
          .locator('[data-finding]')
          .evaluateAll((ls) => ls.map((l) => l.getAttribute('data-finding')))
      )
        .sort()
        .join(' ');
    const before = await ids();
    const liveBefore = await page.getByTestId('live-simulation').locator('dd').first().textContent();
    await screenshot(page, 'editor-before');
    await checkA11y(page, 'editor');
    // the first instrument becomes an automatic ground-combat defence guarantee
    await page.getByLabel('Strength', { exact: true }).selectOption('ground-combat');
    await page.getByLabel('Automaticity', { exact: true }).selectOption('automatic');
    await page.getByLabel(/^Obligations/).fill('defence, training, monitor');
    await page.getByLabel(/^Obligations/).press('Enter');
    const yaml = page.getByLabel('Scenario YAML');
    await expect.poll(() => yaml.inputValue()).toContain('strength: ground-combat');
    expect(await yaml.inputValue()).toContain('automaticity: automatic');
    await expect.poll(ids, { timeout: 15_000 }).not.toBe(before);
    await expect
      .poll(() => page.getByTestId('live-simulation').locator('dd').first().textContent(), {
        timeout: 15_000,
      })
      .not.toBe(liveBefore);
    const live = await page.evaluate(
      () =>
        (window as unknown as { __guarantorLive?: { roundTripMs: number; computeMs: number } })
          .__guarantorLive,
    );
    process.stderr.write(
      `editor: live 10k-sample simulation in Chromium: ${Math.round(live?.computeMs ?? -1)} ms in the worker, ` +
        `${Math.round(live?.roundTripMs ?? -1)} ms from posting the edit to the result\n`,
    );
    await screenshot(page, 'editor-after');
    // a broken value is shown at its line
    const text = await yaml.inputValue();
    await yaml.fill(text.replace('strength: ground-combat', 'strength: total-war'));
    const problems = page.getByTestId('yaml-problems');
    await problems.waitFor();
    const line = text.split('\n').findIndex((l) => l.includes('strength: ground-combat')) + 1;
    await expect.poll(() => problems.textContent()).toContain(`line ${line}`);
    await screenshot(page, 'editor-error');
    // saved under a fresh id (so the suite also runs against a long-lived server), then reopened from the server
    const id = `e2e-${Date.now().toString(36)}`;
    await yaml.fill(text.replace(`id: ${B}-copy`, `id: ${id}`));
    await page.getByRole('button', { name: 'Save as new scenario' }).click();
    await page.waitForURL(`**/editor/${id}`);
    await page.getByText(`stored as ${id} version 1`).waitFor();
    await page.context().close();
  });

  it('runs a simulation in the worker and sees the chart; a large run goes to the server with progress', async () => {
    const page = await open(`/simulate/${B}?samples=5000`);
    await page.getByTestId('simulation-result').waitFor();
    await page.locator(`[data-chart="${B}-survival"] svg`).waitFor();
    expect(await page.getByTestId('p-no-attack').textContent()).toMatch(/^\d+(\.\d)?%$/);
    await screenshot(page, 'simulation');
    await checkA11y(page, 'simulation');
    await page.getByRole('tab', { name: 'Stress tests' }).click();
    await page.getByTestId('stress-result').waitFor();
    await screenshot(page, 'simulation-stress');
    // 30k samples: over the worker limit, so a server job followed over SSE
    await page.getByRole('tab', { name: 'Survival and distributions' }).click();
    await page.getByLabel('Samples', { exact: true }).fill('30000');
    await page.getByRole('button', { name: 'Run' }).click();
    await page.waitForURL(/samples=30000/);
    await page.getByText(/Finished in \d+ ms on the server/).waitFor({ timeout: 60_000 });
    await page.getByTestId('simulation-result').waitFor();
    // a large server run shows its progress and can be cancelled
    await page.goto(`${server.url}/simulate/${B}?samples=3000000&run=1`);
    await page.getByRole('progressbar').waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('alert').filter({ hasText: 'job.cancelled' }).waitFor();
    await screenshot(page, 'simulation-cancelled');
    await page.context().close();
  });

  it('compares two scenarios: overlaid curves and a table', async () => {
    const page = await open(`/compare?ids=${A},${B}`);
    await page.locator('[data-chart="compare-survival"] svg').waitFor({ timeout: 60_000 });
    const table = page.getByRole('table', { name: 'Scenarios compared' });
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(2);
    await screenshot(page, 'compare');
    await checkA11y(page, 'compare');
    await page.context().close();
  });

  it('imports a CSV into the tracker and sees it in the dashboard', async () => {
    const page = await open('/tracker?tab=import');
    const csv = [
      'pledge_id,donor,category,stage,date,item,unit,quantity,value_eur,due,source',
      'e2e-be-1,Belgium,military,committed,2024-05-28,F-16 fighter aircraft,aircraft,30,2000000000,2028-12-31,e2e',
      'e2e-be-1,Belgium,military,delivered,2025-09-30,F-16 fighter aircraft,aircraft,2,130000000,2028-12-31,e2e',
      'e2e-es-1,Spain,military,committed,2024-05-27,,,,1000000000,2024-12-31,e2e',
      'e2e-es-1,Spain,military,delivered,2025-02-28,,,,1000000000,2024-12-31,e2e',
    ].join('\n');
    await page
      .getByLabel(/^File/)
      .setInputFiles({ name: 'e2e-ledger.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('import-outcome').textContent())
      .toMatch(/e2e-ledger\.csv: csv, imported/);
    await screenshot(page, 'tracker-import');
    await checkA11y(page, 'tracker import');
    // a bad file names its line
    await page.getByLabel(/^File/).setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('pledge_id,donor,category,stage,date\nx-1,Belgium,military,shipped,2025-01-01\n'),
    });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Nothing was imported' }).waitFor();
    await page.getByRole('tab', { name: 'By donor' }).click();
    const table = page.getByRole('table', { name: /Metrics by donor/ });
    await table.waitFor();
    await expect.poll(() => table.textContent()).toContain('Belgium');
    await page.getByRole('tab', { name: 'Over time' }).click();
    await page.locator('[data-chart="tracker-over-time"] svg').waitFor();
    await screenshot(page, 'tracker');
    await checkA11y(page, 'tracker');
    await page.context().close();
  });

  it('downloads a report from the scenario page', async () => {
    const page = await open(`/scenarios/${B}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /^HTML report/ }).click(),
    ]);
    const path = await download.path();
    const html = readFileSync(path, 'utf8');
    expect(html).toMatch(/<html/i);
    expect(html).toContain('Reassurance force');
    expect(html).toContain('<svg');
    await page.context().close();
  });

  it('is keyboard-operable: Tab reaches the skip link and the navigation, Enter opens a view', async () => {
    const page = await open('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    let found = false;
    for (let i = 0; i < 12 && !found; i++) {
      await page.keyboard.press('Tab');
      found = (await page.evaluate(() => document.activeElement?.textContent)) === 'Sources';
    }
    expect(found, 'Tab reaches the Sources link in the navigation').toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/sources');
    await page.getByRole('heading', { level: 1, name: 'Sources' }).waitFor();
    await page.locator('ol.bibliography li').first().waitFor();
    await screenshot(page, 'sources');
    await checkA11y(page, 'sources');
    // tabs answer the arrow keys
    await page.goto(`${server.url}/scenarios/${B}`);
    await page.getByRole('tab', { name: 'Instruments' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForURL(/tab=findings/);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tab');
    await page.context().close();
  });

  it('shows the back-test: scores, calibration chart, calibrated beside literature priors', async () => {
    // fewer samples than the shipped settings keep the run short; the view passes them to /api/backtest
    const page = await open('/backtest?samples=1000');
    await page.getByRole('table', { name: 'Forecasts beside outcomes' }).waitFor({ timeout: 90_000 });
    await page.locator('[data-chart="backtest-calibration"] svg').waitFor();
    await page.getByRole('table', { name: 'Calibrated parameters' }).waitFor();
    await screenshot(page, 'backtest');
    await checkA11y(page, 'backtest');
    await page.context().close();
  });

  it('answers an unknown scenario with the server error code', async () => {
    const page = await open('/scenarios/no-such-scenario');
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('scenario.not-found');
    await page.context().close();
  });
});
