// Okabe & Ito's colour-blind-safe palette (distinguishable under protanopia, deuteranopia and tritanopia);
// yellow comes last because it is faint on white

export const PALETTE = [
  '#0072B2', // blue
  '#E69F00', // orange
  '#009E73', // bluish green
  '#D55E00', // vermillion
  '#CC79A7', // reddish purple
  '#56B4E9', // sky blue
  '#000000', // black
  '#F0E442', // yellow
] as const;

/** the i-th series colour; beyond eight series colours repeat, so callers should also label lines directly */
export const seriesColor = (i: number): string => PALETTE[i % PALETTE.length]!;

/** a text-safe grey for reference lines and notes (contrast 4.6:1 on white) */
export const MUTED = '#6b6b6b';
