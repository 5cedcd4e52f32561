// charts refuse data they would draw wrongly: an empty series or a NaN would otherwise render as a blank or a
// silently broken line

import { GuarantorError } from '../core/errors.js';

export function requireRows<T>(
  chart: string,
  what: string,
  rows: readonly T[] | undefined | null,
): readonly T[] {
  if (!Array.isArray(rows) || rows.length === 0)
    throw new GuarantorError('chart.empty-data', `${chart}: ${what} is empty; there is nothing to draw`, [
      { code: 'chart.empty-data', message: `${what} is empty`, path: [chart], hint: 'pass at least one row' },
    ]);
  return rows;
}

export function requireFinite(chart: string, where: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new GuarantorError(
      'chart.invalid-value',
      `${chart}: ${where} is ${value === undefined ? 'missing' : String(value)}; every value must be a finite number`,
      [
        {
          code: 'chart.invalid-value',
          message: `${where} is not a finite number`,
          path: [chart],
          hint: 'drop or fix rows with NaN, Infinity or missing values before charting',
        },
      ],
    );
  return value;
}

export function requireText(chart: string, where: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw new GuarantorError(
      'chart.invalid-value',
      `${chart}: ${where} must be a non-empty string, got ${JSON.stringify(value)}`,
      [{ code: 'chart.invalid-value', message: `${where} must be a non-empty string`, path: [chart] }],
    );
  return value;
}

export function requireOrdered(chart: string, where: string, lo: number, hi: number): void {
  if (lo > hi + 1e-9)
    throw new GuarantorError(
      'chart.invalid-value',
      `${chart}: ${where}: the lower bound ${lo} is above the upper bound ${hi}`,
      [{ code: 'chart.invalid-value', message: `${where}: lower bound above upper bound`, path: [chart] }],
    );
}
