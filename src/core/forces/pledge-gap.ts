// pledged contributions by country against the requirement, and the gap between them

import type { Evidence } from '../schema/source.js';
import type { ForcePledge } from './force-pledge.js';

export interface Requirement {
  troops: number;
  aircraft: number;
  ships: number;
}

export interface PledgeRow {
  actor: string;
  troops: number;
  aircraft: number;
  ships: number;
  status: ForcePledge['status'];
  /** this actor's share of the troop requirement (null when nothing is required) */
  troopShare: number | null;
  source: string;
  evidence: Evidence;
  note?: string;
}

export interface PledgeGap {
  required: Requirement;
  pledged: Requirement;
  /** required minus pledged: positive is a shortfall, negative a surplus */
  gap: Requirement;
  /** pledged / required per quantity, null where nothing is required */
  coverage: { troops: number | null; aircraft: number | null; ships: number | null };
  rows: PledgeRow[];
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

/** sum the pledges (one row per pledge, biggest troop offer first) and compare with what is required */
export function pledgeGap(required: Requirement, pledges: readonly ForcePledge[]): PledgeGap {
  const rows: PledgeRow[] = pledges.map((p) => ({
    actor: p.actor,
    troops: p.troops ?? 0,
    aircraft: p.aircraft ?? 0,
    ships: p.ships ?? 0,
    status: p.status,
    troopShare: ratio(p.troops ?? 0, required.troops),
    source: p.source,
    evidence: p.evidence,
    ...(p.note ? { note: p.note } : {}),
  }));
  rows.sort(
    (a, b) =>
      b.troops - a.troops || b.ships - a.ships || b.aircraft - a.aircraft || a.actor.localeCompare(b.actor),
  );
  const pledged = rows.reduce(
    (s, r) => ({ troops: s.troops + r.troops, aircraft: s.aircraft + r.aircraft, ships: s.ships + r.ships }),
    { troops: 0, aircraft: 0, ships: 0 },
  );
  return {
    required,
    pledged,
    gap: {
      troops: required.troops - pledged.troops,
      aircraft: required.aircraft - pledged.aircraft,
      ships: required.ships - pledged.ships,
    },
    coverage: {
      troops: ratio(pledged.troops, required.troops),
      aircraft: ratio(pledged.aircraft, required.aircraft),
      ships: ratio(pledged.ships, required.ships),
    },
    rows,
  };
}
