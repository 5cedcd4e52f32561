// where the shipped data lives, whether running from src/ (tsx) or dist/ (built)
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
export const dataDir = `${packageRoot}data`;
export const scenariosDir = `${packageRoot}scenarios`;

/** the package's version (reports and /api/health say which build produced their numbers) */
export function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(`${packageRoot}package.json`, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
