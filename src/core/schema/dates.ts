// calendar dates as YYYY, YYYY-MM or YYYY-MM-DD strings, rejecting impossible days

import { z } from 'zod';

const DateString = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'dates are YYYY, YYYY-MM or YYYY-MM-DD')
  .refine((s) => validPartialDate(s), 'not a real calendar date');

/** YAML reads a bare year as a number; accept it and keep every date a string */
export const IsoDate = z
  .union([z.number().int().min(1000).max(9999).transform(String), DateString])
  .describe('YYYY, YYYY-MM or YYYY-MM-DD');

export function validPartialDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number);
  if (m !== undefined && (m < 1 || m > 12)) return false;
  if (d !== undefined) {
    const days = new Date(Date.UTC(y!, m!, 0)).getUTCDate();
    if (d < 1 || d > days) return false;
  }
  return true;
}
