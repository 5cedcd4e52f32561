// standalone model files for `guarantor eval`: YAML text -> ModelDef, with every problem located file:line:col

import { z } from 'zod';
import type { Diagnostic } from '../errors.js';
import { type LocatedYaml, parseLocatedYaml } from '../yaml/located-yaml.js';
import { zodIssuesToDiagnostics } from '../yaml/zod-diagnostics.js';
import type { ModelDef, OutputDef } from './model.js';
import type { CorrelationDef, InputDef, SpecOrigin } from './plan.js';

const Spec = z.union([z.number(), z.string().min(1)]);

const CorrelationPair = z.tuple([z.string(), z.string(), z.number()]);

export const ModelFileSchema = z
  .object({
    description: z.string().optional().describe('what the model is for'),
    inputs: z
      .record(z.string(), Spec)
      .refine((r) => Object.keys(r).length > 0, 'define at least one input')
      .describe(
        'name -> number, distribution spec (normal(0, 1), 5 to 10, ...) or expression over other inputs',
      ),
    correlations: z
      .union([
        z.object({ inputs: z.array(z.string()).min(2), matrix: z.array(z.array(z.number())) }).strict(),
        z.array(CorrelationPair).min(1),
      ])
      .optional()
      .describe(
        'Spearman rank correlations: {inputs: [a, b], matrix: [[1, r], [r, 1]]} or a list of [a, b, r]',
      ),
    outputs: z
      .union([z.array(z.string()).min(1), z.record(z.string(), z.union([z.string().min(1), z.null()]))])
      .optional()
      .describe(
        'names of inputs to report, or name -> expression (null: report the input of that name); default: all inputs',
      ),
  })
  .strict();
export type ModelFile = z.infer<typeof ModelFileSchema>;

const TOP_KEYS = ['description', 'inputs', 'correlations', 'outputs'];

/** parses and validates a model file; spec errors are located at their column inside the file */
export function parseModelFile(
  text: string,
  file: string,
): { ok: true; value: ModelDef; doc: LocatedYaml } | { ok: false; diagnostics: Diagnostic[] } {
  const parsed = parseLocatedYaml(text, file);
  if (!parsed.ok) return parsed;
  const doc = parsed.doc;
  const r = ModelFileSchema.safeParse(doc.value);
  if (!r.success) {
    return {
      ok: false,
      diagnostics: zodIssuesToDiagnostics(r.error.issues, doc, (p) =>
        p.length === 0
          ? TOP_KEYS
          : p.length === 1 && p[0] === 'correlations'
            ? ['inputs', 'matrix']
            : undefined,
      ),
    };
  }
  const m = r.data;
  const lines = text.split('\n');
  // where a scalar's text starts: after the opening quote of a quoted scalar
  const originAt = (path: (string | number)[]): SpecOrigin => {
    const pos = doc.locate(path);
    const ch = lines[pos.line - 1]?.[pos.col - 1];
    return { file, line: pos.line, col: ch === "'" || ch === '"' ? pos.col + 1 : pos.col, path };
  };
  const inputs: InputDef[] = Object.entries(m.inputs).map(([name, spec]) => ({
    name,
    spec,
    origin: originAt(['inputs', name]),
  }));
  let correlation: CorrelationDef | undefined;
  if (m.correlations) {
    const origin = originAt(['correlations']);
    if (Array.isArray(m.correlations)) {
      const names: string[] = [];
      for (const [a, b] of m.correlations) for (const n of [a, b]) if (!names.includes(n)) names.push(n);
      const matrix: number[][] = names.map((_, i) => names.map((__, j) => (i === j ? 1 : 0)));
      const diags: Diagnostic[] = [];
      m.correlations.forEach(([a, b, rho], k) => {
        const i = names.indexOf(a);
        const j = names.indexOf(b);
        const at = doc.locate(['correlations', k]);
        if (i === j)
          diags.push({
            code: 'model.correlation.self',
            message: `'${a}' is correlated with itself`,
            path: ['correlations', k],
            file,
            ...at,
          });
        else if (matrix[i]![j] !== 0)
          diags.push({
            code: 'model.correlation.duplicate',
            message: `the pair ${a}, ${b} is listed twice`,
            path: ['correlations', k],
            file,
            ...at,
          });
        else {
          matrix[i]![j] = rho;
          matrix[j]![i] = rho;
        }
      });
      if (diags.length) return { ok: false, diagnostics: diags };
      correlation = { names, matrix, origin };
    } else correlation = { names: m.correlations.inputs, matrix: m.correlations.matrix, origin };
  }
  let outputs: OutputDef[] | undefined;
  if (Array.isArray(m.outputs)) {
    outputs = m.outputs.map((name, i) => ({ name, origin: originAt(['outputs', i]) }));
  } else if (m.outputs) {
    outputs = Object.entries(m.outputs).map(([name, expr]) =>
      expr === null
        ? { name, origin: originAt(['outputs', name]) }
        : { name, expr, origin: originAt(['outputs', name]) },
    );
  }
  return {
    ok: true,
    value: { inputs, ...(correlation ? { correlation } : {}), ...(outputs ? { outputs } : {}) },
    doc,
  };
}
