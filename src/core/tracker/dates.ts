// strict calendar dates: 2024-02-30 is an error, not 1 March

export type DateCheck = { ok: true; iso: string } | { ok: false; message: string };

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** YYYY-MM-DD (also accepts D.M.YYYY and D/M/YYYY, day first as in European exports) */
export function parseDate(raw: string): DateCheck {
  const s = raw.trim();
  let y: number;
  let m: number;
  let d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else {
    match = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(s);
    if (!match) return { ok: false, message: `'${s}' is not a date; expected YYYY-MM-DD` };
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  if (m < 1 || m > 12) return { ok: false, message: `'${s}' has month ${m}; months run 1-12` };
  const max = daysInMonth(y, m);
  if (d < 1 || d > max)
    return { ok: false, message: `'${s}' is not a real date: ${MONTHS[m - 1]} ${y} has ${max} days` };
  if (y < 1990 || y > 2100) return { ok: false, message: `'${s}' has year ${y}, outside 1990-2100` };
  return { ok: true, iso: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

/** whole months from a to b (ISO dates), fractional by day: b later gives a positive number */
export function monthsBetween(a: string, b: string): number {
  const [ya, ma, da] = a.split('-').map(Number) as [number, number, number];
  const [yb, mb, db] = b.split('-').map(Number) as [number, number, number];
  return (yb - ya) * 12 + (mb - ma) + (db - da) / 30.4375;
}

/** adds (possibly fractional) months to an ISO date, rounding to the nearest day */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const whole = Math.trunc(months);
  const base = new Date(Date.UTC(y, m - 1 + whole, 1));
  const day = Math.min(d, daysInMonth(base.getUTCFullYear(), base.getUTCMonth() + 1));
  const t =
    Date.UTC(base.getUTCFullYear(), base.getUTCMonth(), day) +
    Math.round((months - whole) * 30.4375) * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export const monthOf = (iso: string): string => iso.slice(0, 7);
