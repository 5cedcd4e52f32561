// JSON Schema for editors, generated from the zod schema (the single source of truth)

import { z } from 'zod';
import { Scenario } from './scenario.js';

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Scenario, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://guarantor.dev/schema/scenario.schema.json',
    title: 'Guarantor scenario',
    description:
      'A package of security-guarantee instruments for Ukraine, with constraints and context. Generated from src/core/schema/scenario.ts; do not edit by hand.',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}
