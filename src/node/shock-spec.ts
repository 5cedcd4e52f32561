// the shock mini-language shared by `--shock` on the CLI and `shocks: ["..."]` in the HTTP API
import { GuarantorError } from '../core/errors.js';
import { type Shock, Shock as ShockSchema } from '../core/schema/shock.js';

function usage(code: string, message: string, path: string, hint: string): GuarantorError {
  return new GuarantorError(code, message, [{ code, message, path: [path], hint }]);
}

export const SHOCK_FORMS =
  'government-change:ACTOR@YEAR, guarantor-withdraws:ACTOR@YEAR, veto-used:ACTOR, nuclear-threat[:moderate|severe][@YEAR], delivery-slip:MONTHS[:ACTOR]';

/** `government-change:USA@2`, `delivery-slip:12`, `delivery-slip:12:BEL`, `nuclear-threat:severe@1`, `veto-used:RUS` */
export function parseShock(raw: string): Shock {
  const bad = (why: string) =>
    usage('usage.shock', `--shock '${raw}': ${why}`, '--shock', `forms: ${SHOCK_FORMS}`);
  const m = /^([a-z-]+)(?::([^@]+))?(?:@(\d+))?$/.exec(raw.trim());
  if (!m) throw bad('not of the form TYPE:ARG[@YEAR]');
  const [, type, arg, year] = m as unknown as [string, string, string | undefined, string | undefined];
  let candidate: Record<string, unknown>;
  switch (type) {
    case 'government-change':
    case 'guarantor-withdraws':
      if (!arg) throw bad(`${type} needs an actor, e.g. ${type}:USA@2`);
      if (year === undefined) throw bad(`${type} needs a year after @, e.g. ${type}:${arg}@2`);
      candidate = { type, actor: arg.toUpperCase(), year: Number(year) };
      break;
    case 'veto-used':
      if (!arg) throw bad('veto-used needs an actor, e.g. veto-used:RUS');
      candidate = { type, actor: arg.toUpperCase() };
      break;
    case 'nuclear-threat':
      candidate = {
        type,
        ...(arg ? { severity: arg } : {}),
        ...(year !== undefined ? { year: Number(year) } : {}),
      };
      break;
    case 'delivery-slip': {
      const [months, actor] = (arg ?? '').split(':');
      if (!months || !/^\d+$/.test(months))
        throw bad('delivery-slip needs a number of months, e.g. delivery-slip:12');
      candidate = { type, months: Number(months), ...(actor ? { actor: actor.toUpperCase() } : {}) };
      break;
    }
    default:
      throw bad(`unknown shock type '${type}'`);
  }
  const r = ShockSchema.safeParse(candidate);
  if (!r.success)
    throw bad(r.error.issues.map((i) => `${i.path.join('.') || type}: ${i.message}`).join('; '));
  return r.data;
}
