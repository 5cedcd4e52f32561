// the committed JSON Schema is the one the zod schema generates (regenerate with `npm run schema`)
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { scenarioJsonSchema } from '../src/core/schema/json-schema.js';

it('schema/scenario.schema.json is up to date', () => {
  const committed = JSON.parse(
    readFileSync(new URL('../schema/scenario.schema.json', import.meta.url), 'utf8'),
  );
  expect(committed).toEqual(scenarioJsonSchema());
});
