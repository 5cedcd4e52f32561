// the simulation as the worker runs it: the same core calls as `guarantor simulate|stress|sensitivity`, inline
// (one thread), so the same seed gives the same numbers as the CLI and the server
import {
  type Actor,
  type DeterrencePriors,
  GuarantorError,
  parseScenarioText,
  passProgress,
  runDeterrence,
  type ShockEffects,
  setupDeterrence,
  stressEffects,
  totalSamples,
} from '../../../src/core/index.js';
import type { Bundle, RunRequest, RunResult } from './protocol.js';

export interface Prepared {
  actors: Map<string, Actor>;
  priors: DeterrencePriors;
  known: { actors: Set<string>; sources: Set<string> };
}

export function prepareBundle(b: Bundle): Prepared {
  const actors = new Map(b.actors.map((a) => [a.id, a]));
  return {
    actors,
    priors: b.priors,
    known: { actors: new Set(actors.keys()), sources: new Set(b.sources.map((s) => s.id)) },
  };
}

export async function runRequest(
  p: Prepared,
  req: RunRequest,
  control: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void },
): Promise<RunResult> {
  const parsed = parseScenarioText(req.yaml, 'scenario.yaml', p.known);
  if (!parsed.ok)
    throw new GuarantorError('scenario.invalid', 'the scenario YAML is invalid', parsed.diagnostics);
  const scenario = parsed.value;
  const setup = setupDeterrence(scenario, p.actors, p.priors, {
    ...(req.horizon ? { horizon: req.horizon } : {}),
    sets: req.sets ?? {},
  });
  if (!setup.ok)
    throw new GuarantorError(
      'scenario.assumptions',
      "the scenario's model inputs are invalid",
      setup.diagnostics,
    );
  const s = setup.value;
  let extra: ShockEffects | undefined;
  if (req.shocks.length) {
    const fx = stressEffects(s, 'shocks', req.shocks);
    if (!fx.ok) throw new GuarantorError('usage.shock-actor', fx.diagnostics[0]!.message, fx.diagnostics);
    extra = fx.value;
  }
  const declared: ShockEffects[] = [];
  if (req.kind === 'stress')
    scenario.stress.forEach((t, i) => {
      const r = stressEffects(s, t.name, t.shocks, ['stress', i, 'shocks']);
      if (!r.ok) throw new GuarantorError('scenario.stress', r.diagnostics[0]!.message, r.diagnostics);
      declared.push(r.value);
    });
  // the same dispatch and pass-by-pass progress as the CLI and the server (src/core/deterrence/run-kind.ts)
  const total = totalSamples(req.kind, s, req.samples);
  const report = await runDeterrence(req.kind, s, {
    samples: req.samples,
    seed: req.seed,
    ...(control.signal ? { signal: control.signal } : {}),
    onProgress: passProgress(total, (p) => control.onProgress?.(p.done, p.total)),
    declared,
    ...(extra ? { extra: req.kind === 'stress' ? { ...extra, name: 'command-line' } : extra } : {}),
  });
  return { kind: req.kind, report } as RunResult;
}
