// findings and scorecards: the explainable assessment's output

export const DIMENSIONS = [
  'commitment',
  'timing',
  'durability',
  'credibility',
  'veto',
  'coverage',
  'self-reliance',
  'acceptability',
  'feasibility',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const DIMENSION_LABELS: Record<Dimension, string> = {
  commitment: 'Guarantee vs assistance',
  timing: 'Before vs after an attack',
  durability: 'Binding and durable',
  credibility: 'Guarantor credibility',
  veto: 'Free of aggressor veto',
  coverage: 'Land/air/sea/cyber/hybrid coverage',
  'self-reliance': "Ukraine's own capability",
  acceptability: 'Acceptable to the parties',
  feasibility: 'Cost and feasibility',
};

export type FindingSeverity = 'strength' | 'info' | 'warning' | 'error';

export interface Finding {
  /** stable rule id, e.g. 'veto.aggressor-holds-veto' */
  id: string;
  dimension: Dimension;
  severity: FindingSeverity;
  title: string;
  rationale: string;
  /** the sources whose argument or evidence the finding rests on */
  sources: string[];
  instrument?: string;
  party?: string;
}

export interface DimensionScore {
  dimension: Dimension;
  label: string;
  /** 0 (worst) to 100 (best) */
  score: number;
  weight: number;
  /** how the score was computed, in words */
  basis: string;
}

export interface PartyStance {
  party: string;
  stance: 'accepts' | 'conditional' | 'rejects' | 'proposed' | 'unknown';
  reasons: { text: string; source: string }[];
  stated: boolean;
}

export interface Assessment {
  scenario: string;
  findings: Finding[];
  scores: DimensionScore[];
  overall: number;
  weights: Record<Dimension, number>;
  parties: PartyStance[];
}
