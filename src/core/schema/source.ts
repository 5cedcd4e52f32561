// bibliography entries: every default, prior and catalog fact cites one of these by id

import { z } from 'zod';
import { IsoDate } from './dates.js';

export const SourceId = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]*[a-z0-9]$/,
    'source ids are lowercase kebab-case, e.g. leeds-long-mitchell-2000',
  );

export const Evidence = z
  .enum(['verified', 'secondary', 'unverified'])
  .describe(
    'verified: checked against the primary text; secondary: reported by a secondary source only; unverified: not yet checked, shown as such',
  );
export type Evidence = z.infer<typeof Evidence>;

export const SourceKind = z.enum([
  'seed',
  'literature',
  'official',
  'news',
  'dataset',
  'analysis',
  'derived',
]);

export const Source = z
  .object({
    id: SourceId,
    kind: SourceKind,
    authors: z.array(z.string().min(1)).default([]),
    title: z.string().min(1),
    outlet: z.string().optional().describe('journal, publisher, newspaper or issuing body'),
    date: IsoDate.describe('publication date'),
    url: z.string().url().optional(),
    doi: z.string().optional(),
    file: z.string().optional().describe('for the seed articles: their file name under shared/seeds'),
    evidence: Evidence.default('verified').describe('how well our use of this source was checked'),
    note: z.string().optional().describe('what we use it for, in our own words'),
  })
  .strict();
export type Source = z.infer<typeof Source>;

export const SourceFile = z.object({ sources: z.array(Source) }).strict();
