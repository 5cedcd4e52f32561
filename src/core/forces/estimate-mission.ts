// the public entry for one mission: validate the request, size it, and attach 90% intervals

import type { ForcesData } from './forces-data.js';
import { estimatePlan, type MissionEstimate, type UncertaintyOptions } from './interval.js';
import type { FieldLabel } from './mission-request.js';
import { planMission } from './size-mission.js';

/**
 * Size one mission with uncertainty.
 * @example estimateMission({ mission: 'ceasefire-monitoring', frontKm: 1250 }, data, { seed: 7 })
 */
export function estimateMission(
  request: { mission: string } & Record<string, unknown>,
  data: ForcesData,
  opts: UncertaintyOptions & { label?: FieldLabel } = {},
): MissionEstimate {
  return estimatePlan(planMission(request, data, opts.label), opts);
}
