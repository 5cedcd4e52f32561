// validate scenario files against the schema and the shipped reference data; nothing is written

import type { Command } from 'commander';
import { knownIds } from '../../core/catalog/catalog.js';
import type { Diagnostic } from '../../core/errors.js';
import { parseScenarioText } from '../../core/scenario/parse-scenario.js';
import { loadCatalog } from '../../node/catalog-files.js';
import { readTextFile } from '../../node/read-text-file.js';
import { type CliContext, EXIT_INVALID, printDiagnostics, printJson } from '../context.js';
import { paint } from '../io.js';

interface FileResult {
  file: string;
  ok: boolean;
  id?: string;
  diagnostics: Diagnostic[];
}

export function registerValidate(program: Command, ctx: CliContext): void {
  program
    .command('validate')
    .description('check scenario files: schema, actor and source ids, duplicates (exit 1 if any is invalid)')
    .argument('[files...]', 'YAML scenario files')
    .option('--catalog', 'validate the shipped catalog and reference data instead')
    .option('--json', 'JSON: one entry per file with its diagnostics')
    .action((files: string[], opts: { catalog?: boolean; json?: boolean }) => {
      const { catalog, diagnostics: catalogDiagnostics } = loadCatalog();
      const results: FileResult[] = [];
      if (opts.catalog) {
        const byFile = new Map<string, Diagnostic[]>();
        for (const d of catalogDiagnostics)
          byFile.set(d.file ?? '', [...(byFile.get(d.file ?? '') ?? []), d]);
        for (const { scenario, file } of catalog.scenarios.values())
          results.push({ file, ok: true, id: scenario.id, diagnostics: [] });
        for (const [file, diags] of byFile) results.push({ file, ok: false, diagnostics: diags });
      } else {
        if (files.length === 0) {
          ctx.io.err('guarantor validate: name one or more files, or pass --catalog');
          ctx.exitCode = 2;
          return;
        }
        const seen = new Map<string, string>();
        for (const file of files) {
          const text = readTextFile(file);
          if (!text.ok) {
            results.push({ file, ok: false, diagnostics: [text.diagnostic] });
            continue;
          }
          const r = parseScenarioText(text.text, file, knownIds(catalog));
          if (!r.ok) {
            results.push({ file, ok: false, diagnostics: r.diagnostics });
            continue;
          }
          const prior = seen.get(r.value.id);
          if (prior) {
            results.push({
              file,
              ok: false,
              id: r.value.id,
              diagnostics: [
                {
                  code: 'ref.duplicate-id',
                  message: `scenario id '${r.value.id}' is also used by ${prior}`,
                  path: ['id'],
                  file,
                  line: 1,
                  col: 1,
                  hint: 'give each scenario a unique id',
                },
              ],
            });
            continue;
          }
          seen.set(r.value.id, file);
          results.push({ file, ok: true, id: r.value.id, diagnostics: [] });
        }
      }
      const bad = results.filter((r) => !r.ok);
      if (bad.length) ctx.exitCode = EXIT_INVALID;
      if (opts.json) return printJson(ctx, results);
      const p = paint(ctx.io);
      for (const r of results) {
        if (r.ok) ctx.io.out(`${p.green('ok')}    ${r.file} (${r.id})`);
        else printDiagnostics(ctx, r.diagnostics);
      }
      const problems = bad.reduce((n, r) => n + r.diagnostics.length, 0);
      ctx.io.err(
        bad.length
          ? p.red(`${bad.length} of ${results.length} file(s) invalid, ${problems} problem(s)`)
          : `${results.length} file(s) valid`,
      );
    });
}
