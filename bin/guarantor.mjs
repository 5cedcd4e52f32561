#!/usr/bin/env node
// runs the built CLI; `npm run build` (or `npm start`) produces dist/
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../dist/cli/bin.js', import.meta.url));
if (!existsSync(entry)) {
  process.stderr.write('guarantor is not built yet: run `npm run build` (or `npm start`) first\n');
  process.exit(2);
}
await import(entry);
