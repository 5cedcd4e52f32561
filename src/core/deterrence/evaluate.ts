// the deterrence model, evaluated columnar: one pass per sample over the horizon, reading Float64Array input columns
// and writing per-sample outputs. No per-sample objects; per-commitment state lives in reused typed arrays.
// The equations are in docs/model.md; comments here name them.

import type { ModelStructure, ShockEffects } from './structure.js';

/**
 * The model's compiled form for one (structure, shock effects) pair: typed arrays, built once per worker.
 * Commitments that share an instrument and the same shock events lapse together, so survival of commitments is
 * tracked per "lapse class" (a handful) rather than per commitment (up to ~100 in the status-quo package). Only
 * commitments that can add combat power (a combat obligation or forces) take part in the intervention sums.
 */
export interface CompiledStructure {
  H: number;
  G: number;
  I: number;
  motivation: 0 | 1 | 2;
  aggressorNuclear: boolean;
  /** instruments binding the aggressor to defend the protected state (alignment) */
  allyInstr: Int32Array;
  capShare: number;
  hasCap: boolean;
  ukraineSpend: number;
  /** lapse classes */
  K: number;
  kInstr: Int32Array;
  kBind: Float64Array;
  kShort: Uint8Array;
  kTerm: Int32Array;
  kRenew: Int8Array;
  kSanction: Uint8Array;
  kTroops: Float64Array;
  kAircraft: Float64Array;
  kShips: Float64Array;
  /** deployed share of the class's forces in year t, for costs: [k * H + t] */
  kPresence: Float64Array;
  /** [k * H + t] */
  kGov: Float64Array;
  kKeep: Float64Array;
  kEvent: Uint8Array;
  /** combat commitments */
  B: number;
  bClass: Int32Array;
  bBind: Float64Array;
  bDisc: Float64Array;
  bLapsed: Float64Array;
  bTrig: Float64Array;
  bStrength: Int8Array;
  bHeavy: Float64Array;
  bLight: Float64Array;
  bAir: Float64Array;
  bVetoAggr: Uint8Array;
  bThird: Float64Array;
  bGuar: Int32Array;
  /** share of year t in which the commitment's forces are deployed (delivery slips delay them): [b * H + t] */
  bPresence: Float64Array;
  gCapRatio: Float64Array;
  gCapLog: Float64Array;
  gNuclear: Float64Array;
  gTrip: Float64Array;
  gSpend: Float64Array;
  gDraw: string[];
  /** combat commitments of each guarantor (CSR over b) */
  gStart: Int32Array;
  gList: Int32Array;
  fear: Int8Array;
  /** guarantors that have combat commitments */
  combatG: Int32Array;
  /**
   * sustained-flow supply, grouped: guarantors with the same (lapse class, weight) items and the same curve share a
   * group, whose spending is summed; a group supplies at its strongest live item's weight
   */
  F: number;
  fSpend: Float64Array;
  fStart: Int32Array;
  fItemK: Int32Array;
  fItemW: Float64Array;
  /** [f * H + t] */
  fIndex: Float64Array;
  fAid: Float64Array;
  /** dated pledges, one unit each: class and curves [u * H + t] */
  P: number;
  pK: Int32Array;
  pIndex: Float64Array;
  pAid: Float64Array;
}

export function compileStructure(st: ModelStructure, fx: ShockEffects): CompiledStructure {
  const H = st.horizon;
  const G = st.guarantors.length;
  const cs = st.commitments;
  const C = cs.length;
  const gov = new Float64Array(C * H);
  const keep = new Float64Array(C * H).fill(1);
  for (const e of fx.govEvents) gov[e.commitment * H + e.year]! += e.weight;
  for (const e of fx.keepEvents) keep[e.commitment * H + e.year]! *= e.keep;
  // lapse classes: same instrument and the same shock events
  const classOf = new Int32Array(C);
  const keys = new Map<string, number>();
  const members: number[][] = [];
  cs.forEach((c, i) => {
    const key = `${c.instrument}|${gov.subarray(i * H, (i + 1) * H).join(',')}|${keep.subarray(i * H, (i + 1) * H).join(',')}`;
    let k = keys.get(key);
    if (k === undefined) {
      k = members.length;
      keys.set(key, k);
      members.push([]);
    }
    members[k]!.push(i);
    classOf[i] = k;
  });
  const K = members.length;
  const first = members.map((list) => cs[list[0]!]!);
  const sum = (f: (c: (typeof cs)[number]) => number) =>
    Float64Array.from(members.map((list) => list.reduce((n, i) => n + f(cs[i]!), 0)));
  const kGov = new Float64Array(K * H);
  const kKeep = new Float64Array(K * H);
  const kEvent = new Uint8Array(K * H);
  members.forEach((list, k) => {
    const i = list[0]!;
    for (let t = 0; t < H; t++) {
      kGov[k * H + t] = gov[i * H + t]!;
      kKeep[k * H + t] = keep[i * H + t]!;
      kEvent[k * H + t] = gov[i * H + t]! > 0 ? 1 : 0;
    }
  });
  const vetoUsed = new Set(fx.vetoUsed);
  const combat = cs
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.strength > 0 || c.heavyTroops > 0 || c.lightTroops > 0 || c.aircraftWeighted > 0);
  const B = combat.length;
  const gStart = new Int32Array(G + 1);
  for (const { c } of combat) gStart[c.guarantor + 1]!++;
  for (let g = 0; g < G; g++) gStart[g + 1]! += gStart[g]!;
  const fill = gStart.slice(0, G);
  const gList = new Int32Array(B);
  combat.forEach(({ c }, b) => {
    gList[fill[c.guarantor]!++] = b;
  });
  const bf = (f: (c: (typeof cs)[number]) => number) => Float64Array.from(combat.map(({ c }) => f(c)));
  // deployment delayed by a slip of m months: the force is there for max(0, min(1, t + 1 - m / 12)) of year t
  const presence = (g: number, t: number) => {
    let v = 1;
    for (const d of fx.forceDelays)
      if (d.guarantor === g) v *= 1 - d.weight * (1 - Math.max(0, Math.min(1, t + 1 - d.months / 12)));
    return v;
  };
  const bPresence = new Float64Array(B * H);
  combat.forEach(({ c }, b) => {
    for (let t = 0; t < H; t++) bPresence[b * H + t] = presence(c.guarantor, t);
  });
  const kPresence = new Float64Array(K * H);
  members.forEach((list, k) => {
    const size = (i: number) => cs[i]!.troops + cs[i]!.aircraft + cs[i]!.ships;
    const total = list.reduce((n, i) => n + size(i), 0);
    for (let t = 0; t < H; t++)
      kPresence[k * H + t] =
        total > 0 ? list.reduce((n, i) => n + size(i) * presence(cs[i]!.guarantor, t), 0) / total : 1;
  });
  // flow groups
  const groups = new Map<
    string,
    { spend: number; items: [number, number][]; index: number[]; aid: number[] }
  >();
  for (let g = 0; g < G; g++) {
    const units = fx.supply.filter((u) => u.kind === 'flow' && u.guarantor === g);
    if (!units.length) continue;
    const best = new Map<number, number>();
    for (const u of units) {
      const k = classOf[u.commitment]!;
      best.set(k, Math.max(best.get(k) ?? 0, u.weight));
    }
    const items = [...best].sort((a, b) => a[0] - b[0]);
    const u0 = units[0]!;
    const key = `${JSON.stringify(items)}|${u0.index.join(',')}|${u0.aidEurBn.join(',')}`;
    const grp = groups.get(key);
    if (grp) grp.spend += st.guarantors[g]!.spendUsdBn;
    else groups.set(key, { spend: st.guarantors[g]!.spendUsdBn, items, index: u0.index, aid: u0.aidEurBn });
  }
  const fl = [...groups.values()];
  const fStart = new Int32Array(fl.length + 1);
  fl.forEach((f, i) => {
    fStart[i + 1] = fStart[i]! + f.items.length;
  });
  const series = (list: { index: number[]; aid: number[] }[], which: 'index' | 'aid') => {
    const a = new Float64Array(list.length * H);
    list.forEach((u, k) => {
      for (let t = 0; t < H; t++) a[k * H + t] = u[which][t] ?? 0;
    });
    return a;
  };
  const pledges = fx.supply
    .filter((u) => u.kind === 'pledge')
    .map((u) => ({ k: classOf[u.commitment]!, index: u.index, aid: u.aidEurBn }));
  const combatG = Int32Array.from([...Array(G).keys()].filter((g) => gStart[g + 1]! > gStart[g]!));
  return {
    H,
    G,
    I: st.instruments.length,
    motivation: st.motivation === 'baseline' ? 0 : st.motivation === 'reduced' ? 1 : 2,
    aggressorNuclear: st.aggressorNuclear,
    allyInstr: Int32Array.from(st.aggressorAllyInstruments ?? []),
    capShare: st.capShare ?? 1,
    hasCap: st.capShare !== null,
    ukraineSpend: st.ukraineSpendingUsdBn,
    K,
    kInstr: Int32Array.from(first.map((c) => c.instrument)),
    kBind: Float64Array.from(first.map((c) => c.bindingness)),
    kShort: Uint8Array.from(first.map((c) => (c.shortNotice ? 1 : 0))),
    kTerm: Int32Array.from(first.map((c) => c.termYear ?? -1)),
    kRenew: Int8Array.from(first.map((c) => (c.renewal === 'automatic' ? 0 : c.renewal === 'none' ? 2 : 1))),
    kSanction: Uint8Array.from(first.map((c) => (c.sanction ? 1 : 0))),
    kTroops: sum((c) => c.troops),
    kAircraft: sum((c) => c.aircraft),
    kShips: sum((c) => c.ships),
    kPresence,
    kGov,
    kKeep,
    kEvent,
    B,
    bClass: Int32Array.from(combat.map(({ i }) => classOf[i]!)),
    bBind: bf((c) => c.bindingness),
    bDisc: bf((c) => (c.discretionary ? 1 : 0)),
    bLapsed: bf((c) => (c.lapsedStatus ? 1 : 0)),
    bTrig: bf((c) => (c.triggers ? 1 : 0)),
    bStrength: Int8Array.from(combat.map(({ c }) => c.strength)),
    bHeavy: bf((c) => c.heavyTroops),
    bLight: bf((c) => c.lightTroops),
    bAir: bf((c) => c.aircraftWeighted),
    bVetoAggr: Uint8Array.from(combat.map(({ c, i }) => (c.vetoAggressor || vetoUsed.has(i) ? 1 : 0))),
    bThird: bf((c) => c.thirdPartyVetoes),
    bGuar: Int32Array.from(combat.map(({ c }) => c.guarantor)),
    bPresence,
    gCapRatio: Float64Array.from(st.guarantors.map((g) => g.capRatio)),
    gCapLog: Float64Array.from(st.guarantors.map((g) => g.capLog)),
    gNuclear: Float64Array.from(st.guarantors.map((g) => (g.nuclear ? 1 : 0))),
    gTrip: Float64Array.from(st.guarantors.map((g) => (g.tripwire ? 1 : 0))),
    gSpend: Float64Array.from(st.guarantors.map((g) => g.spendUsdBn)),
    gDraw: st.guarantors.map((g) => g.draw),
    gStart,
    gList,
    fear: Int8Array.from(Array.from({ length: H }, (_, t) => fx.fear[t] ?? 0)),
    combatG,
    F: fl.length,
    fSpend: Float64Array.from(fl.map((f) => f.spend)),
    fStart,
    fItemK: Int32Array.from(fl.flatMap((f) => f.items.map((x) => x[0]))),
    fItemW: Float64Array.from(fl.flatMap((f) => f.items.map((x) => x[1]))),
    fIndex: series(fl, 'index'),
    fAid: series(fl, 'aid'),
    P: pledges.length,
    pK: Int32Array.from(pledges.map((u) => u.k)),
    pIndex: series(pledges, 'index'),
    pAid: series(pledges, 'aid'),
  };
}

/** per-sample outputs of one chunk; arrays sized to the chunk (reused across calls by the caller) */
export interface SampleOutputs {
  /** survival[t][i]: P(no attack by the end of year t + 1) for sample i; only filled when `full` */
  survival: Float64Array[];
  /** P(no attack within the horizon), per sample */
  final: Float64Array;
  /** P(attack within the horizon), per sample */
  attack: Float64Array;
  /** sum over years of P(attack in year t) x P(success | attack in year t, realised intervention) */
  joint: Float64Array;
  /** yearly sums over the chunk's samples (full only): expected costs */
  forcesUsdBn: Float64Array;
  aidEurBn: Float64Array;
  ukraineUsdBn: Float64Array;
  /** sum over samples of each guarantor's honour probability in year 0 (full only) */
  honour0: Float64Array;
}

export function newOutputs(n: number, H: number, G: number, full: boolean): SampleOutputs {
  return {
    survival: full ? Array.from({ length: H }, () => new Float64Array(n)) : [],
    final: new Float64Array(n),
    attack: new Float64Array(n),
    joint: new Float64Array(n),
    forcesUsdBn: new Float64Array(H),
    aidEurBn: new Float64Array(H),
    ukraineUsdBn: new Float64Array(H),
    honour0: new Float64Array(G),
  };
}

/** per-sample scratch, sized once per compiled structure */
export class Scratch {
  readonly Lc: Float64Array;
  readonly sig: Float64Array;
  readonly p: Float64Array;
  readonly capPow: Float64Array;
  readonly forcePow: Float64Array;
  readonly vetoKeep: Float64Array;
  readonly order: Int32Array;
  readonly hz: Float64Array;
  readonly alive: Float64Array;
  readonly govCum: Float64Array;
  constructor(m: Pick<CompiledStructure, 'B' | 'K' | 'G'>) {
    this.Lc = new Float64Array(m.B);
    this.sig = new Float64Array(m.B);
    this.p = new Float64Array(m.B);
    this.capPow = new Float64Array(m.B);
    this.forcePow = new Float64Array(m.B);
    this.vetoKeep = new Float64Array(m.B);
    this.order = new Int32Array(m.B);
    this.hz = new Float64Array(m.K);
    this.alive = new Float64Array(m.K);
    this.govCum = new Float64Array(m.K);
  }
}

/**
 * Evaluates the model for samples [0, n) of a chunk.
 * `col(name)` returns the input column; `enabled[i]` switches instrument i on (1) or off (0), for attribution.
 */
export function evaluateChunk(
  m: CompiledStructure,
  col: (name: string) => Float64Array,
  n: number,
  enabled: Uint8Array,
  out: SampleOutputs,
  full: boolean,
  sc: Scratch,
): void {
  const { H, G, K, B } = m;
  const reconY = col('reconstitution_years');
  const a0c = col('aggressor_power_at_ceasefire');
  const regimeC = col('regime_incentive');
  const motRed = col('motivation_reduced');
  const motTr = col('motivation_transformed');
  const warCostC = col('war_cost');
  const sancC = col('sanction_cost');
  const hmaxC = col('max_attack_hazard');
  const sharpC = col('choice_sharpness');
  const r50C = col('success_ratio_50');
  const kC = col('success_steepness');
  const d0C = col('defender_power_ratio');
  const growC = col('defender_industry_growth');
  const limitC = col('own_growth_limit');
  const elasC = col('army_cap_elasticity');
  const flowC = col('supply_flow_index');
  const poolC = col('donor_pool_spending_usd_bn');
  const wdC = col('delivery_power_per_index');
  const baseC = col('honour_base');
  const legalC = col('legal_form_weight');
  const discC = col('discretion_penalty');
  const tripC = col('tripwire_effect');
  const capEffC = col('capability_effect');
  const fearC = col('nuclear_fear');
  const nucAllyC = col('nuclear_ally_effect');
  const umbrellaC = col('nuclear_umbrella_cost');
  const allyGainC = col('aggressor_ally_gain');
  const threatModC = col('nuclear_threat_moderate');
  const threatSevC = col('nuclear_threat_severe');
  const lapsedPenC = col('lapsed_status_penalty');
  const thirdC = col('third_party_veto_probability');
  const hazC = col('lapse_hazard');
  const protC = col('binding_protection');
  const shortC = col('short_notice_multiplier');
  const renewC = col('renewal_probability');
  const govLapseC = col('gov_change_lapse');
  const govDropC = col('gov_change_honour_drop');
  const shareC = col('guarantor_commit_share');
  const airShareC = col('air_naval_share');
  const troopC = col('troop_power_per_10k');
  const lightC = col('light_force_value');
  const airC = col('aircraft_power_per_100');
  const costTC = col('cost_troop_year_usd');
  const costAC = col('cost_aircraft_year_usd');
  const costSC = col('cost_ship_year_usd');
  const { F, P } = m;
  const {
    aggressorNuclear,
    bAir,
    bBind,
    bClass,
    bDisc,
    bGuar,
    bHeavy,
    bPresence,
    bLapsed,
    bLight,
    bStrength,
    bThird,
    bTrig,
    bVetoAggr,
    capShare,
    combatG,
    fAid,
    fIndex,
    fItemK,
    fItemW,
    fSpend,
    fStart,
    fear: fearByYear,
    gCapLog,
    gCapRatio,
    gDraw,
    gList,
    gNuclear,
    gStart,
    gTrip,
    hasCap,
    kAircraft,
    kBind,
    kEvent,
    kGov,
    kInstr,
    kKeep,
    kPresence,
    kRenew,
    kSanction,
    kShips,
    kShort,
    kTerm,
    kTroops,
    motivation,
    pAid,
    pIndex,
    pK,
    ukraineSpend,
  } = m;
  const { Lc, sig, p, capPow, forcePow, vetoKeep, order, hz, alive, govCum } = sc;
  const draws = gDraw.map((d) => col(d));
  let anySanction = false;
  for (let k = 0; k < K; k++) if (kSanction[k]) anySanction = true;
  // alignment: the aggressor is itself bound to defend the protected state by an instrument that is switched on
  let aligned = false;
  for (let j = 0; j < m.allyInstr.length; j++) if (enabled[m.allyInstr[j]!]) aligned = true;
  // extended nuclear deterrence: nuclear-weapon guarantors holding a combat obligation (not forces alone)
  const umbrellaG = Int32Array.from(
    [...combatG].filter((g) => {
      if (!gNuclear[g]) return false;
      for (let j = gStart[g]!; j < gStart[g + 1]!; j++) if (bStrength[gList[j]!]! > 0) return true;
      return false;
    }),
  );

  for (let i = 0; i < n; i++) {
    // aggressor: gains (territory plus regime incentive) scaled by motivation
    const gain =
      (motivation === 2 ? motTr[i]! : motivation === 1 ? motRed[i]! * (1 + regimeC[i]!) : 1 + regimeC[i]!) *
      (aligned ? allyGainC[i]! : 1);
    const a0 = a0c[i]!;
    const recon = reconY[i]!;
    // defender's own power, with an army cap as a share of today's forces
    const elas = elasC[i]!;
    const capCut = hasCap && capShare < 1 ? capShare ** elas : 1;
    const growthLimit = hasCap ? Math.max(1, capShare) ** elas : limitC[i]!;
    const own0 = d0C[i]! * capCut;
    const grow = 1 + growC[i]!;
    const flowScale = flowC[i]! / poolC[i]!;
    const wd = wdC[i]!;
    const fear = aggressorNuclear ? fearC[i]! : 0;
    const threatMod = threatModC[i]!;
    const threatSev = threatSevC[i]!;
    const prot = protC[i]!;
    const renew = renewC[i]!;
    const govLapse = govLapseC[i]!;
    const govDrop = govDropC[i]!;
    // lapse classes: yearly hazard, lower for binding forms and higher with short notice
    const haz = hazC[i]!;
    const shortMul = shortC[i]!;
    for (let k = 0; k < K; k++) {
      hz[k] = haz * (1 - prot * kBind[k]!) * (kShort[k] ? shortMul : 1);
      alive[k] = enabled[kInstr[k]!]!;
      govCum[k] = 0;
    }
    // honour logit of each combat commitment: base + legal form - discretion + tripwire + capability + nuclear ally
    if (B) {
      const hb = baseC[i]!;
      const logitBase = Math.log(hb / (1 - hb));
      const legal = legalC[i]!;
      const disc = discC[i]!;
      const trip = tripC[i]!;
      const capEff = capEffC[i]!;
      const nucAlly = nucAllyC[i]!;
      const lapsedPen = lapsedPenC[i]!;
      const q = thirdC[i]!;
      const share = shareC[i]!;
      const airShare = airShareC[i]!;
      const troopPow = troopC[i]! / 1e4;
      const lightVal = lightC[i]!;
      const airPow = airC[i]! / 100;
      for (let b = 0; b < B; b++) {
        const g = bGuar[b]!;
        Lc[b] =
          logitBase +
          legal * (bBind[b]! - 1) -
          disc * bDisc[b]! +
          trip * gTrip[g]! +
          capEff * gCapLog[g]! +
          nucAlly * gNuclear[g]! -
          lapsedPen * bLapsed[b]!;
        const st = bStrength[b]!;
        capPow[b] = st === 2 ? share * gCapRatio[g]! : st === 1 ? share * airShare * gCapRatio[g]! : 0;
        forcePow[b] = troopPow * (bHeavy[b]! + lightVal * bLight[b]!) + airPow * bAir[b]!;
        const third = bThird[b]!;
        vetoKeep[b] = bVetoAggr[b] ? 0 : third === 0 ? 1 : (1 - q) ** third;
      }
    }
    let fearLevel = -1;
    let surv = 1;
    let joint = 0;
    let growth = 1;
    for (let t = 0; t < H; t++) {
      const A = a0 + (1 - a0) * Math.min(1, (t + 1) / recon);
      if (t > 0) growth = Math.min(growth * grow, growthLimit);
      let own = own0 * growth;
      const level = fearByYear[t]!;
      const fearChanged = level !== fearLevel;
      fearLevel = level;
      const fearNow = fear * (level === 2 ? threatSev : level === 1 ? threatMod : 1);
      // lapse: hazard, term end, withdrawals, government changes (binding forms resist)
      for (let k = 0; k < K; k++) {
        let a = alive[k]!;
        if (a === 0) continue;
        const kt = k * H + t;
        if (t > 0) a *= 1 - hz[k]!;
        if (kTerm[k] === t) a *= kRenew[k] === 0 ? 1 : kRenew[k] === 2 ? 0 : renew;
        a *= kKeep[kt]!;
        if (kEvent[kt]) {
          const w = kGov[kt]!;
          a *= 1 - govLapse * w * (1 - prot * kBind[k]!);
          govCum[k] = Math.min(1, govCum[k]! + w);
        }
        alive[k] = a;
      }
      for (let b = 0; b < B; b++) {
        const k = bClass[b]!;
        const a = alive[k]!;
        if (a === 0) {
          p[b] = 0;
          continue;
        }
        if (fearChanged || kEvent[k * H + t])
          sig[b] = 1 / (1 + Math.exp(fearNow + govDrop * govCum[k]! - Lc[b]!));
        p[b] = sig[b]! * vetoKeep[b]! * a * bTrig[b]!;
      }
      // supply: each flow group at its strongest live commitment, plus dated pledges, as a capability index
      let idx = 0;
      let aid = 0;
      for (let f = 0; f < F; f++) {
        let mx = 0;
        for (let j = fStart[f]!; j < fStart[f + 1]!; j++) {
          const v = fItemW[j]! * alive[fItemK[j]!]!;
          if (v > mx) mx = v;
        }
        if (mx === 0) continue;
        const scale = flowScale * fSpend[f]! * mx;
        idx += scale * fIndex[f * H + t]!;
        aid += scale * fAid[f * H + t]!;
      }
      for (let u = 0; u < P; u++) {
        const a = alive[pK[u]!]!;
        idx += a * pIndex[u * H + t]!;
        aid += a * pAid[u * H + t]!;
      }
      own += wd * idx;
      // intervention: one honour draw per guarantor shared by its commitments (comonotone);
      // expected power = E[max capability over honoured commitments] + sum of forces
      let eInt = 0;
      let rInt = 0;
      for (let gi = 0; gi < combatG.length; gi++) {
        const g = combatG[gi]!;
        const s0 = gStart[g]!;
        const s1 = gStart[g + 1]!;
        const u = draws[g]![i]!;
        if (s1 - s0 === 1) {
          const b = gList[s0]!;
          const pb = p[b]!;
          const pw = capPow[b]! + forcePow[b]! * bPresence[b * H + t]!;
          eInt += pb * pw;
          if (u < pb) rInt += pw;
          continue;
        }
        let cnt = 0;
        for (let j = s0; j < s1; j++) {
          const b = gList[j]!;
          let pos = cnt++;
          while (pos > 0 && p[order[pos - 1]!]! < p[b]!) {
            order[pos] = order[pos - 1]!;
            pos--;
          }
          order[pos] = b;
        }
        let maxCap = 0;
        let rCap = 0;
        for (let j = 0; j < cnt; j++) {
          const b = order[j]!;
          const pb = p[b]!;
          if (capPow[b]! > maxCap) maxCap = capPow[b]!;
          const next = j + 1 < cnt ? p[order[j + 1]!]! : 0;
          const fp = forcePow[b]! * bPresence[b * H + t]!;
          eInt += (pb - next) * maxCap + pb * fp;
          if (u < pb) {
            if (capPow[b]! > rCap) rCap = capPow[b]!;
            rInt += fp;
          }
        }
        rInt += rCap;
      }
      const dExp = own + eInt;
      const dReal = own + rInt;
      const r50 = r50C[i]!;
      const kk = kC[i]!;
      // P(success) = 1 / (1 + (r50 D / A)^k): one half when the force ratio A / D equals r50
      const psExp = 1 / (1 + Math.exp(kk * Math.log((r50 * dExp) / A)));
      const psReal = dReal === dExp ? psExp : 1 / (1 + Math.exp(kk * Math.log((r50 * dReal) / A)));
      let sanction = 0;
      if (anySanction) {
        let none = 1;
        for (let k = 0; k < K; k++) if (kSanction[k]) none *= 1 - alive[k]!;
        sanction = sancC[i]! * (1 - none);
      }
      // extended nuclear deterrence: the chance that at least one nuclear guarantor with a combat obligation fights
      // (independent draws across guarantors; a guarantor's commitments are comonotone, so its best one counts)
      let umbrella = 0;
      if (umbrellaG.length) {
        let none = 1;
        for (let gi = 0; gi < umbrellaG.length; gi++) {
          const g = umbrellaG[gi]!;
          let best = 0;
          for (let j = gStart[g]!; j < gStart[g + 1]!; j++) {
            const b = gList[j]!;
            if (bStrength[b]! > 0 && p[b]! > best) best = p[b]!;
          }
          none *= 1 - best;
        }
        umbrella = umbrellaC[i]! * (1 - none);
      }
      // the aggressor's expected utility of attacking, and a logistic choice rule for the yearly hazard
      const U = gain * psExp - warCostC[i]! * (dExp / A) - sanction - umbrella;
      const h = hmaxC[i]! / (1 + Math.exp(-sharpC[i]! * U));
      joint += surv * h * psReal;
      surv *= 1 - h;
      if (full) {
        out.survival[t]![i] = surv;
        let forces = 0;
        for (let k = 0; k < K; k++) {
          const a = alive[k]!;
          if (a > 0)
            forces +=
              a *
              kPresence[k * H + t]! *
              (kTroops[k]! * costTC[i]! + kAircraft[k]! * costAC[i]! + kShips[k]! * costSC[i]!);
        }
        out.forcesUsdBn[t]! += forces / 1e9;
        out.aidEurBn[t]! += aid;
        out.ukraineUsdBn[t]! += ukraineSpend * capCut * growth;
        if (t === 0) {
          for (let g = 0; g < G; g++) {
            let best = 0;
            for (let j = gStart[g]!; j < gStart[g + 1]!; j++) best = Math.max(best, p[gList[j]!]!);
            out.honour0[g]! += best;
          }
        }
      }
    }
    out.final[i] = surv;
    out.attack[i] = 1 - surv;
    out.joint[i] = joint;
  }
}
