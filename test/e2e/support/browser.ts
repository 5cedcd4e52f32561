// end-to-end plumbing for the workbench: the built server on a free port with a throwaway database, Debian's
// Chromium through playwright-core, screenshots under test/e2e/artifacts/, and an axe-core check
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { buildIfStale, buildWebIfStale } from '../../../scripts/build-if-stale.mjs';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const artifactsDir = join(repoRoot, 'test', 'e2e', 'artifacts');

export interface RunningServer {
  url: string;
  dbDir: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** builds what is stale (dist/ and dist/web/), then `guarantor serve --port 0` on a temporary GUARANTOR_DB_DIR */
export async function startServer(): Promise<RunningServer> {
  // GUARANTOR_E2E_URL points the suite at a server you already run (`npm start`), e.g. while working on the UI
  const external = process.env.GUARANTOR_E2E_URL;
  if (external) {
    buildWebIfStale({ quiet: true });
    return { url: external.replace(/\/$/, ''), dbDir: '', output: () => '', stop: async () => undefined };
  }
  buildIfStale({ quiet: true });
  buildWebIfStale({ quiet: true });
  const dbDir = mkdtempSync(join(tmpdir(), 'guarantor-e2e-db-'));
  const child: ChildProcess = spawn(process.execPath, ['bin/guarantor.mjs', 'serve', '--port', '0'], {
    cwd: repoRoot,
    env: { ...process.env, GUARANTOR_DB_DIR: dbDir, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (b) => {
    out += String(b);
  });
  child.stderr?.on('data', (b) => {
    out += String(b);
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the server did not print its URL within 30 s:\n${out}`)),
      30_000,
    );
    const check = () => {
      const m = /Guarantor workbench: (http:\/\/[^\s/]+)\/?/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout?.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code} before it was ready:\n${out}`));
    });
  });
  return {
    url,
    dbDir,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dbDir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium (never a downloaded one); a missing browser is a failure, not a skip */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.GUARANTOR_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(executablePath))
    throw new Error(
      `Chromium not found at ${executablePath}. The workbench e2e tests need it: CI installs it with ` +
        '`apt-get install -y chromium` (see .ci/run); locally install it the same way or set GUARANTOR_CHROMIUM ' +
        'to a Chromium binary. Never `npx playwright install`.',
    );
  return chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const path = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

const axeSource: string = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** runs axe-core (WCAG 2 A/AA rules) on the page as it is; returns every violation */
export async function axe(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const w = window as unknown as {
      axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: AxeViolation[] }> };
    };
    const r = await w.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}

export const describeViolations = (vs: AxeViolation[]) =>
  vs
    .map(
      (v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}`).join('\n')}`,
    )
    .join('\n');
