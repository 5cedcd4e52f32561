// what a user may set when sizing one mission, and the checks that turn bad values into clear usage errors

import { z } from 'zod';
import { type Diagnostic, GuarantorError } from '../errors.js';
import { didYouMean } from '../util/did-you-mean.js';

const positive = (what: string) => z.number().positive(`${what} must be greater than 0`);

export const MissionOverrides = z
  .object({
    frontKm: positive('the front length (km)').max(10000, 'the front length is at most 10,000 km'),
    density: positive('the density (personnel per km)'),
    formations: z
      .number()
      .int('the number of formations is a whole number')
      .min(1, 'the number of formations must be at least 1')
      .max(100, 'the number of formations is at most 100'),
    troopsPerFormation: positive('troops per formation'),
    troops: positive('the deployed troop count'),
    aircraft: positive('the aircraft count'),
    ships: positive('the ship count'),
    rotation: z
      .number()
      .min(1, 'the rotation factor must be at least 1 (each deployed unit needs at least itself)')
      .max(10, 'the rotation factor is at most 10'),
    tourMonths: positive('the tour length (months)').max(36, 'a tour is at most 36 months'),
    years: positive('the duration (years)').max(100, 'the duration is at most 100 years'),
    readiness: positive('readiness').max(1, 'readiness is the deployable share of the pool, at most 1'),
    costPerTroopYear: positive('the cost per troop-year'),
    costPerAircraftYear: positive('the cost per aircraft-year'),
    costPerShipYear: positive('the cost per ship-year'),
  })
  .partial()
  .strict();
export type MissionOverrides = z.infer<typeof MissionOverrides>;
export type OverrideKey = keyof MissionOverrides;

export const OVERRIDE_KEYS = Object.keys(MissionOverrides.shape) as OverrideKey[];

export interface MissionRequest extends MissionOverrides {
  mission: string;
}

/** how a field is named to the user: the CLI passes its flag names, the API keeps the field names */
export type FieldLabel = (key: string) => string;
const plain: FieldLabel = (k) => k;

/**
 * Validate user overrides; every problem becomes one Diagnostic and all of them are thrown together
 * as a `usage.forces-input` error (exit 2 at the CLI).
 */
export function checkOverrides(input: Record<string, unknown>, label: FieldLabel = plain): MissionOverrides {
  const r = MissionOverrides.safeParse(input);
  if (r.success) return r.data;
  const diagnostics: Diagnostic[] = r.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const key = issue.keys[0] ?? '';
      const guess = didYouMean(key, OVERRIDE_KEYS);
      return {
        code: 'usage.forces-unknown-input',
        message: `unknown input '${label(key)}'`,
        path: [label(key)],
        hint: guess
          ? `did you mean '${label(guess)}'?`
          : `known inputs: ${OVERRIDE_KEYS.map(label).join(', ')}`,
      };
    }
    const key = String(issue.path[0] ?? '');
    const got = input[key];
    const typeError = typeof got !== 'number';
    return {
      code: 'usage.forces-input',
      message: `${label(key)}: ${typeError ? `expected a number, got ${JSON.stringify(got)}` : issue.message}${
        !typeError && typeof got === 'number' ? ` (got ${got})` : ''
      }`,
      path: [label(key)],
      hint: hintFor(key),
    };
  });
  throw new GuarantorError(
    'usage.forces-input',
    `invalid forces input: ${diagnostics[0]!.message}`,
    diagnostics,
  );
}

function hintFor(key: string): string {
  switch (key) {
    case 'rotation':
      return 'use 3 for 9-month tours with 18 months at home, 4 for 6-month tours';
    case 'readiness':
      return 'a share such as 0.9 (90% of the pool can deploy)';
    case 'formations':
      return 'a whole number of brigades, divisions or corps, e.g. 2';
    default:
      return 'give a positive number; see guarantor forces --list for sourced defaults';
  }
}

/** the archetype id, or a usage error naming the closest id */
export function resolveMissionId(id: string, known: Iterable<string>, label: FieldLabel = plain): string {
  const ids = [...known];
  if (ids.includes(id)) return id;
  const guess = didYouMean(id, ids) ?? ids.find((k) => k.includes(id.toLowerCase()));
  throw new GuarantorError('usage.unknown-mission', `no mission archetype '${id}'`, [
    {
      code: 'usage.unknown-mission',
      message: `no mission archetype '${id}'`,
      path: [label('mission')],
      hint: guess
        ? `did you mean '${guess}'? (guarantor forces --list shows all)`
        : `known: ${ids.join(', ')}`,
    },
  ]);
}
