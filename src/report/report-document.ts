// the report's content as blocks: per scenario its summary, instruments, scorecard, findings, forces and cost and
// simulation; a comparison for several scenarios; the bibliography of what was cited; the methods

import { DIMENSIONS } from '../core/assess/types.js';
import type { Source } from '../core/schema/source.js';
import { type Block, citedIds, cites, type Inline, type Rich } from './blocks.js';
import { scenarioAnchor, sourceAnchor } from './citations.js';
import type { ReportModel, ScenarioSection } from './report-model.js';
import {
  bn,
  durationText,
  int,
  legalText,
  num,
  pct,
  pp,
  SEVERITY_LABEL,
  triggerText,
  usd,
  utcStamp,
  yearOf,
} from './text.js';

function instrumentsBlocks(s: ScenarioSection): Block[] {
  return [
    { kind: 'heading', level: 3, text: 'Instruments' },
    {
      kind: 'table',
      headers: ['instrument', 'obligation', 'legal form', 'trigger', 'guarantors', 'duration', 'sources'],
      rows: s.scenario.instruments.map((i) => [
        [{ b: i.title }, ' ', { code: i.id }],
        `${i.obligations.join(', ')}; strongest help: ${i.strength}, ${i.automaticity}`,
        legalText(i.legal),
        i.trigger.wording ? `${triggerText(i.trigger)}. "${i.trigger.wording}"` : triggerText(i.trigger),
        i.guarantors.length ? i.guarantors.join(', ') : 'none (self-help)',
        durationText(i.duration),
        [...cites(i.sources), ...(i.evidence !== 'verified' ? [` (coding: ${i.evidence})`] : [])],
      ]),
    },
  ];
}

function scorecardBlocks(s: ScenarioSection): Block[] {
  const a = s.assessment;
  return [
    { kind: 'heading', level: 3, text: 'Scorecard' },
    {
      kind: 'table',
      headers: ['dimension', 'score (0-100)', 'weight', 'basis'],
      align: ['l', 'r', 'r', 'l'],
      rows: [
        ...a.scores.map((x) => [x.label, String(x.score), num(x.weight), x.basis]),
        [[{ b: 'Overall (weighted mean)' }], [{ b: String(a.overall) }], '', ''],
      ],
    },
    {
      kind: 'list',
      items: a.parties.map((p) => [
        { b: p.party },
        `: ${p.stance}${p.stated ? ' (stated)' : ''}`,
        ...(p.reasons.length
          ? p.reasons.flatMap((r): Inline[] => [' - ', r.text, ' (', { cite: r.source }, ')'])
          : [' - no coded red line crossed']),
      ]),
    },
  ];
}

function findingsBlocks(s: ScenarioSection): Block[] {
  const f = s.assessment.findings;
  const counts = { error: 0, warning: 0, info: 0, strength: 0 };
  for (const x of f) counts[x.severity]++;
  return [
    {
      kind: 'heading',
      level: 3,
      text: `Findings: ${counts.error} error, ${counts.warning} warning, ${counts.info} info, ${counts.strength} strength`,
    },
    f.length
      ? {
          kind: 'list',
          items: f.map((x) => [
            { badge: SEVERITY_LABEL[x.severity], tone: x.severity },
            ' ',
            { b: x.title },
            ' ',
            { code: x.id },
            `. ${x.rationale} Sources: `,
            ...cites(x.sources),
          ]),
        }
      : { kind: 'p', content: 'No rule fired.' },
  ];
}

function forcesBlocks(s: ScenarioSection): Block[] {
  const f = s.forces;
  const out: Block[] = [{ kind: 'heading', level: 3, text: 'Forces and cost' }];
  if (!f.groups.length) {
    out.push({
      kind: 'p',
      content: 'This package puts no troops, aircraft or ships anywhere (no depth.forces entries).',
    });
    return out;
  }
  out.push({
    kind: 'p',
    content: [
      `Front ${int(f.frontKm.value)} km (${f.frontKm.origin}, `,
      { cite: f.frontKm.source },
      `). Costs in USD; 90% intervals from ${int(f.uncertainty.samples)} samples (seed ${f.uncertainty.seed}).`,
    ],
  });
  out.push({
    kind: 'table',
    headers: [
      'mission',
      'sized as',
      'years',
      'required troops (90%)',
      'pledged troops',
      'gap',
      'aircraft req/pledged',
      'ships req/pledged',
      'pledged cost per year (90%)',
    ],
    align: ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    rows: f.groups.map((g) => {
      const troops =
        g.requirement !== null && (g.requirement.intervals.deployed.p95 > 0 || g.pledged.troops > 0);
      const r = g.requirement;
      return [
        g.mission,
        g.archetype?.id ?? '(none)',
        num(g.years),
        troops && r
          ? `${int(r.deployed)} (${int(r.intervals.deployed.p05)}-${int(r.intervals.deployed.p95)})`
          : '',
        int(g.pledged.troops),
        troops ? int(g.gap.troops) : '',
        r ? `${int(r.aircraft)}/${int(g.pledged.aircraft)}` : int(g.pledged.aircraft),
        r ? `${int(r.ships)}/${int(g.pledged.ships)}` : int(g.pledged.ships),
        `${usd(g.pledgedYearlyCost.central)} (${usd(g.pledgedYearlyCost.p05)}-${usd(g.pledgedYearlyCost.p95)})`,
      ];
    }),
  });
  const t = f.totals;
  out.push({
    kind: 'p',
    content: [
      { b: 'Total pledged: ' },
      `${int(t.troops)} troops (${int(t.committed)} personnel committed with rotation), ${int(t.aircraft)} aircraft, ${int(t.ships)} ships; ${usd(t.yearlyCost.central)} a year (90%: ${usd(t.yearlyCost.p05)}-${usd(t.yearlyCost.p95)}), ${usd(t.lifetimeCost.central)} over the instruments' durations. Contributions: `,
      ...cites(f.presences.map((p) => p.source)),
      '.',
    ],
  });
  for (const w of f.warnings) out.push({ kind: 'p', tone: 'warning', content: `Warning: ${w}` });
  return out;
}

function simulationBlocks(s: ScenarioSection): Block[] {
  const sim = s.simulation;
  if (!sim) return [];
  const r = sim.report;
  const H = r.horizonYears;
  const out: Block[] = [
    { kind: 'heading', level: 3, text: 'Simulation' },
    {
      kind: 'facts',
      items: [
        [
          `P(no renewed major attack within ${H} years)`,
          [
            { b: pct(r.pNoAttack.mean) },
            ` (90% of parameter draws: ${pct(r.pNoAttack.p5)} to ${pct(r.pNoAttack.p95)}; Monte Carlo s.e. ${pct(r.pNoAttack.standardError, 2)})`,
          ],
        ],
        [
          'P(attack succeeds | attack)',
          [
            { b: pct(r.pSuccessGivenAttack.pooled) },
            ` (90% of parameter draws: ${pct(r.pSuccessGivenAttack.p5)} to ${pct(r.pSuccessGivenAttack.p95)})`,
          ],
        ],
        ['Run', `${int(r.samples)} samples, seed ${r.seed}, ${H}-year horizon`],
      ],
    },
  ];
  if (s.charts.survival)
    out.push({
      kind: 'figure',
      svg: s.charts.survival,
      alt: `Survival curve: probability of no renewed major attack by year for ${s.scenario.id}`,
      caption: `P(no renewed major attack) by the end of each year, mean and 5th-95th percentile over parameter draws (${int(r.samples)} samples).`,
    });
  const first = r.costs[0];
  const last = r.costs[r.costs.length - 1];
  if (first && last)
    out.push({
      kind: 'p',
      content: `Expected yearly costs, year 1 and year ${last.year}: guarantors' forces USD ${bn(first.guarantorsForcesUsdBn)}bn and ${bn(last.guarantorsForcesUsdBn)}bn; military aid delivered EUR ${bn(first.guarantorsAidEurBn)}bn and ${bn(last.guarantorsAidEurBn)}bn; Ukraine's defence budget USD ${bn(first.ukraineDefenceUsdBn)}bn and ${bn(last.ukraineDefenceUsdBn)}bn.`,
    });
  const honour = r.guarantors.filter((g) => g.honourProbabilityYear1 > 0);
  if (honour.length)
    out.push({
      kind: 'p',
      content: `Chance each guarantor fights if attacked in year 1: ${honour.map((g) => `${g.id} ${g.honourProbabilityYear1.toFixed(2)}`).join(', ')}.`,
    });
  const changed = r.assumptions.filter((a) => a.origin !== 'prior');
  if (changed.length)
    out.push(
      { kind: 'heading', level: 4, text: 'Inputs changed from the priors' },
      {
        kind: 'table',
        headers: ['input', 'value', 'set by', 'sources'],
        rows: changed.map((a) => [
          [{ code: a.name }],
          a.spec,
          a.origin === 'set' ? 'override' : 'scenario',
          cites(a.sources),
        ]),
      },
    );
  const byName = new Map(r.assumptions.map((a) => [a.name, a]));
  if (sim.tornado?.bars.length) {
    const top = sim.tornado.bars.slice(0, 10);
    out.push({ kind: 'heading', level: 4, text: 'What drives the result (tornado)' });
    if (s.charts.tornado)
      out.push({
        kind: 'figure',
        svg: s.charts.tornado,
        alt: `Tornado chart of the ten inputs that move P(no attack) most for ${s.scenario.id}`,
        caption: `Each input fixed at its 10th and 90th percentile while all others stay uncertain; ${int(sim.tornado.samples)} samples, seed ${sim.tornado.seed}, common random numbers.`,
      });
    out.push({
      kind: 'table',
      headers: ['input', 'p10', 'p90', 'P at p10', 'P at p90', 'swing', 'sources'],
      align: ['l', 'r', 'r', 'r', 'r', 'r', 'l'],
      rows: top.map((b) => {
        const a = byName.get(b.name);
        return [
          [{ code: b.name }],
          num(b.low),
          num(b.high),
          pct(b.atLow),
          pct(b.atHigh),
          pct(b.swing),
          a ? cites(a.sources) : '',
        ];
      }),
    });
  }
  out.push({ kind: 'heading', level: 4, text: 'What each instrument adds (attribution)' });
  if (sim.attribution) {
    const a = sim.attribution;
    if (s.charts.attribution)
      out.push({
        kind: 'figure',
        svg: s.charts.attribution,
        alt: `Bar chart of each instrument's contribution to P(no attack) for ${s.scenario.id}`,
        caption: `Ablation = P(all) - P(all but this); Shapley value = average marginal effect over all orders. ${int(a.samples)} samples${a.shapleySamples !== null ? ` (Shapley: ${int(a.shapleySamples)})` : ''}, seed ${a.seed}.`,
      });
    out.push(
      {
        kind: 'p',
        content: `P(no attack) with every instrument ${pct(a.all)}, with none ${pct(a.none)}. Method: ${a.method}.`,
      },
      {
        kind: 'table',
        headers: ['instrument', 'ablation', 'alone', 'Shapley'],
        align: ['l', 'r', 'r', 'r'],
        rows: a.instruments.map((i) => [
          [{ b: i.title }, ' ', { code: i.id }],
          pp(i.ablation),
          pp(i.alone),
          i.shapley === undefined ? '' : pp(i.shapley),
        ]),
      },
    );
  } else
    out.push({ kind: 'p', tone: 'note', content: `Not computed: ${sim.attributionSkipped ?? 'skipped'}.` });
  if (r.warnings.length)
    out.push({
      kind: 'list',
      items: r.warnings.map((w) => [{ badge: 'Model warning', tone: 'warning' }, ` ${w.message}`]),
    });
  return out;
}

function scenarioSection(s: ScenarioSection): Block {
  const sc = s.scenario;
  return {
    kind: 'section',
    id: scenarioAnchor(sc.id),
    tone: 'scenario',
    blocks: [
      { kind: 'heading', level: 2, text: `${sc.title} (${sc.id})` },
      { kind: 'p', tone: 'lead', content: sc.summary },
      {
        kind: 'facts',
        items: [
          ['Status', `${sc.status}, coded as of ${sc.asOf}`],
          ['Systems', sc.systems.length ? sc.systems.join(', ') : 'none'],
          ...(sc.proponents.length ? [['Proponents', sc.proponents.join('; ')] as [string, Rich]] : []),
          ['Horizon', `${s.simulation?.report.horizonYears ?? sc.context.horizonYears} years`],
          ['Sources', cites(sc.sources)],
          ...(s.file === 'user'
            ? [['Origin', 'user scenario'] as [string, Rich]]
            : [['File', [{ code: s.file }]] as [string, Rich]]),
        ],
      },
      ...instrumentsBlocks(s),
      ...scorecardBlocks(s),
      ...findingsBlocks(s),
      ...forcesBlocks(s),
      ...simulationBlocks(s),
    ],
  };
}

function compareBlock(m: ReportModel): Block | undefined {
  const c = m.compare;
  if (!c) return undefined;
  const sim = c.rows.some((r) => r.pNoAttack);
  return {
    kind: 'section',
    id: 'compare',
    tone: 'compare',
    blocks: [
      { kind: 'heading', level: 2, text: 'Comparison' },
      ...(c.survivalChart
        ? [
            {
              kind: 'figure',
              svg: c.survivalChart,
              alt: `Overlaid survival curves of ${c.rows.map((r) => r.id).join(', ')}`,
              caption: `P(no renewed major attack) by year for each package, with 5th-95th percentile bands (${int(m.settings.samples)} samples each, seed ${m.settings.seed}).`,
            } as Block,
          ]
        : []),
      {
        kind: 'table',
        headers: [
          'scenario',
          'overall score',
          'errors / warnings',
          ...(sim ? ['P(no attack) (90%)', 'P(success | attack)'] : []),
          'troops pledged',
          'pledged cost per year',
        ],
        align: ['l', 'r', 'r', ...(sim ? (['r', 'r'] as const) : []), 'r', 'r'],
        rows: c.rows.map((r) => [
          [{ link: r.title, href: `#${scenarioAnchor(r.id)}` }, ' ', { code: r.id }],
          String(r.overall),
          `${r.findings.error} / ${r.findings.warning}`,
          ...(sim
            ? [
                r.pNoAttack
                  ? `${pct(r.pNoAttack.mean)} (${pct(r.pNoAttack.p5)}-${pct(r.pNoAttack.p95)}) in ${r.horizonYears} y`
                  : '',
                r.pSuccessGivenAttack === undefined ? '' : pct(r.pSuccessGivenAttack),
              ]
            : []),
          int(r.troops),
          usd(r.yearlyCostUsd),
        ]),
      },
      {
        kind: 'p',
        tone: 'note',
        content: `Scores 0-100 per dimension (${DIMENSIONS.join(', ')}), overall = weighted mean with all weights 1. Horizons differ when the scenarios' own horizons differ.`,
      },
    ],
  };
}

function sourceEntry(id: string, s: Source | undefined): Inline[] {
  if (!s) return [{ b: id }, ': not in data/sources (an unknown id)'];
  const out: Inline[] = [{ b: id }, ': '];
  if (s.authors.length) out.push(`${s.authors.join(', ')} `);
  out.push(`(${yearOf(s.date)}). `, { i: s.title }, /[.!?]$/.test(s.title) ? '' : '.');
  if (s.outlet) out.push(` ${s.outlet}${/[.!?]$/.test(s.outlet) ? '' : '.'}`);
  if (s.url && /^https?:\/\//i.test(s.url)) out.push(' ', { link: s.url, href: s.url });
  else if (s.doi) out.push(` doi:${s.doi}`);
  out.push(' ', { badge: s.evidence, tone: s.evidence === 'verified' ? 'strength' : 'warning' });
  return out;
}

function methodsBlock(m: ReportModel): Block {
  const st = m.settings;
  return {
    kind: 'section',
    id: 'methods',
    tone: 'methods',
    blocks: [
      { kind: 'heading', level: 2, text: 'Methods' },
      {
        kind: 'facts',
        items: [
          ['Generated', utcStamp(m.generatedAt)],
          ['Model version', m.modelVersion],
          ['Seed', String(st.seed)],
          [
            'Samples',
            st.simulate
              ? `${int(st.samples)} per simulation; ${int(st.sensitivitySamples)} per tornado and attribution variant (attribution only for packages of up to ${st.attributionMaxInstruments} instruments)`
              : 'no simulation (--no-simulate)',
          ],
          [
            'Horizon',
            st.horizon !== undefined
              ? `${st.horizon} years for every scenario`
              : "each scenario's own horizon",
          ],
          ['Forces', 'sized with the functions of guarantor forces (PERT intervals, 10,000 samples)'],
        ],
      },
      {
        kind: 'p',
        tone: 'note',
        content:
          'Findings and scores come from the explainable rules of docs/assessment.md; forces and cost from docs/forces.md; the deterrence model (P(no attack), P(success | attack), survival, tornado, attribution) from docs/model.md. Same seed and samples give the same numbers on any thread count. Sources graded secondary or unverified are shown as such.',
      },
    ],
  };
}

/** the report as blocks, the bibliography listing exactly the sources cited above it */
export function reportDocument(m: ReportModel): Block[] {
  const body: Block[] = [];
  const compare = compareBlock(m);
  if (compare) body.push(compare);
  for (const s of m.scenarios) body.push(scenarioSection(s));
  const ids = citedIds(body).sort((a, b) => a.localeCompare(b));
  body.push({
    kind: 'section',
    id: 'bibliography',
    tone: 'bibliography',
    blocks: [
      { kind: 'heading', level: 2, text: 'Bibliography' },
      {
        kind: 'p',
        tone: 'note',
        content: `${ids.length} sources cited above. Evidence: verified = checked against the primary text; secondary = reported by a secondary source only; unverified = not yet checked.`,
      },
      {
        kind: 'sources',
        entries: ids.map((id) => ({
          id,
          anchor: sourceAnchor(id),
          text: sourceEntry(id, m.sources.get(id)),
        })),
      },
    ],
  });
  body.push(methodsBlock(m));
  return body;
}

/** the table of contents: the sections' ids and headings */
export function contents(blocks: readonly Block[]): { id: string; text: string }[] {
  return blocks.flatMap((b) => {
    if (b.kind !== 'section') return [];
    const h = b.blocks.find((x) => x.kind === 'heading');
    return [{ id: b.id, text: h && h.kind === 'heading' ? h.text : b.id }];
  });
}
