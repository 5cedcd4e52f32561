// shocks in the URL and the form use the CLI's --shock notation (e.g. government-change:USA@2), checked by the core's
// Shock schema so the browser accepts exactly what `guarantor simulate --shock` accepts
import { Shock } from '../../src/core/index.js';

export type ParsedShocks = { ok: true; shocks: Shock[] } | { ok: false; message: string };

export function parseShocks(text: string): ParsedShocks {
  const shocks: Shock[] = [];
  for (const raw of text
    .split(/[,;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^([a-z-]+)(?::([^@]+))?(?:@(\d+))?$/.exec(raw);
    if (!m)
      return {
        ok: false,
        message: `'${raw}' is not of the form TYPE:ARG[@YEAR], e.g. government-change:USA@2`,
      };
    const [, type, arg, year] = m as unknown as [string, string, string | undefined, string | undefined];
    let c: Record<string, unknown>;
    if (type === 'delivery-slip') {
      const [months, actor] = (arg ?? '').split(':');
      c = { type, months: Number(months), ...(actor ? { actor: actor.toUpperCase() } : {}) };
    } else if (type === 'nuclear-threat')
      c = { type, ...(arg ? { severity: arg } : {}), ...(year !== undefined ? { year: Number(year) } : {}) };
    else
      c = {
        type,
        ...(arg ? { actor: arg.toUpperCase() } : {}),
        ...(year !== undefined ? { year: Number(year) } : {}),
      };
    const r = Shock.safeParse(c);
    if (!r.success)
      return {
        ok: false,
        message: `'${raw}': ${r.error.issues.map((i) => `${i.path.join('.') || 'type'}: ${i.message}`).join('; ')}`,
      };
    shocks.push(r.data);
  }
  return { ok: true, shocks };
}
