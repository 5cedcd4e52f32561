// where the shipped data lives, whether running from src/ (tsx) or dist/ (built)
import { fileURLToPath } from 'node:url';

export const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
export const dataDir = `${packageRoot}data`;
export const scenariosDir = `${packageRoot}scenarios`;
