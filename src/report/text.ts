// formatting shared by the html and markdown renderers: numbers, percentages, money, escaping

import type { Instrument } from '../core/schema/instrument.js';

/** HTML text and attribute escaping: everything from a scenario file goes through this */
export function escapeHtml(s: unknown): string {
  return String(s ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** a markdown table cell or inline text: no raw HTML, no table breaks, no accidental emphasis or links ([ and ]
 * are escaped, so parentheses cannot form one) */
export function escapeMd(s: unknown): string {
  return String(s ?? '')
    .replace(/\r?\n/g, ' ')
    .replace(/[\\`*_{}[\]<>#|~]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`));
}

export const pct = (x: number, digits = 1): string =>
  Number.isFinite(x) ? `${(x * 100).toFixed(digits)}%` : 'n/a';
export const pp = (x: number): string =>
  Number.isFinite(x) ? `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} pp` : 'n/a';
export const int = (x: number): string => Math.round(x).toLocaleString('en-US');
export const num = (x: number): string =>
  Number.isInteger(x) ? x.toLocaleString('en-US') : String(Number(x.toPrecision(3)));

export function usd(x: number): string {
  const a = Math.abs(x);
  if (a >= 1e9) return `$${(x / 1e9).toFixed(a >= 1e10 ? 0 : 1)}bn`;
  if (a >= 1e6) return `$${(x / 1e6).toFixed(a >= 1e7 ? 0 : 1)}m`;
  if (a >= 1e3) return `$${(x / 1e3).toFixed(0)}k`;
  return `$${x.toFixed(0)}`;
}

export const bn = (x: number): string => (x === 0 ? '0' : x.toFixed(1));

export function durationText(d: Instrument['duration']): string {
  const term = d.years === null ? (d.unspecified ? 'unspecified' : 'indefinite') : `${num(d.years)} years`;
  const extra = [
    d.renewal !== 'unspecified' ? `renewal ${d.renewal}` : '',
    d.until ? `until ${d.until}` : '',
    d.terminationNoticeMonths !== undefined ? `${num(d.terminationNoticeMonths)} months' notice` : '',
  ].filter(Boolean);
  return extra.length ? `${term} (${extra.join(', ')})` : term;
}

export function triggerText(t: Instrument['trigger']): string {
  const parts = [
    t.timing === 'standing' ? 'standing (acts before any attack)' : 'on attack',
    t.threshold !== 'none' ? `threshold: ${t.threshold}` : '',
    `domains: ${t.domains.join(', ')}`,
    t.scope !== 'all-territory' ? `scope: ${t.scope}` : '',
    t.responseDeadlineHours !== undefined ? `respond within ${num(t.responseDeadlineHours)} h` : '',
  ].filter(Boolean);
  return parts.join('; ');
}

export function legalText(l: Instrument['legal']): string {
  return `${l.form}, ${l.status}${l.ratification !== 'none' ? `, ratification ${l.ratification}` : ''}`;
}

export const SEVERITY_LABEL = {
  error: 'Error',
  warning: 'Warning',
  info: 'Info',
  strength: 'Strength',
} as const;

export function yearOf(date: string): string {
  return /^\d{4}/.exec(date)?.[0] ?? date;
}

/** a UTC timestamp as 'YYYY-MM-DD HH:MM UTC' */
export function utcStamp(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
