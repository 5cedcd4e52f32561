// data/agreements/bilateral.yaml (or a user file of the same shape) -> instruments and pledges
import { join } from 'node:path';
import { type Diagnostic, GuarantorError } from '../core/errors.js';
import {
  type Agreement,
  AgreementFile,
  agreementInstrument,
  agreementPledges,
  checkAgreementDonors,
} from '../core/tracker/agreement.js';
import type { InstrumentRecord, LedgerPledge } from '../core/tracker/ledger.js';
import { parseLocatedYaml } from '../core/yaml/located-yaml.js';
import { zodIssuesToDiagnostics } from '../core/yaml/zod-diagnostics.js';
import { dataDir } from '../node/paths.js';
import { bibliographyIds } from './sources.js';

export const SHIPPED_AGREEMENTS = join(dataDir, 'agreements', 'bilateral.yaml');

export interface AgreementData {
  agreements: Agreement[];
  instruments: InstrumentRecord[];
  pledges: LedgerPledge[];
}

export function parseAgreements(text: string, file: string, knownSources = bibliographyIds()): AgreementData {
  const parsed = parseLocatedYaml(text, file);
  if (!parsed.ok)
    throw new GuarantorError('tracker.invalid-input', `${file} is not valid YAML`, parsed.diagnostics);
  const doc = parsed.doc;
  const r = AgreementFile.safeParse(doc.value);
  if (!r.success)
    throw new GuarantorError(
      'tracker.invalid-input',
      `${file} does not match the agreements schema`,
      zodIssuesToDiagnostics(r.error.issues, doc),
    );
  const diags: Diagnostic[] = [];
  for (const bad of checkAgreementDonors(r.data.agreements)) {
    const pos = doc.locate(['agreements', bad.index, 'partner']);
    diags.push({
      code: 'tracker.unknown-donor',
      message: bad.message,
      path: ['agreements', bad.index, 'partner'],
      file,
      ...pos,
    });
  }
  const ids = new Set<string>();
  r.data.agreements.forEach((a, i) => {
    if (ids.has(a.id))
      diags.push({
        code: 'tracker.duplicate-row',
        message: `agreement id '${a.id}' appears twice`,
        path: ['agreements', i, 'id'],
        file,
        ...doc.locate(['agreements', i, 'id']),
      });
    ids.add(a.id);
    const cite = (path: (string | number)[], id: string | undefined) => {
      if (id && !knownSources.has(id))
        diags.push({
          code: 'tracker.unknown-source',
          message: `source '${id}' is not in data/sources/*.yaml`,
          path,
          file,
          ...doc.locate(path),
          hint: 'add it to data/sources/tracker.yaml or cite an existing id',
        });
    };
    cite(['agreements', i, 'source'], a.source);
    a.deliverables.forEach((d, j) => {
      cite(['agreements', i, 'deliverables', j, 'source'], d.source);
      cite(['agreements', i, 'deliverables', j, 'rateSource'], d.rateSource);
      d.deliveries.forEach((e, k) => {
        cite(['agreements', i, 'deliverables', j, 'deliveries', k, 'source'], e.source);
      });
    });
  });
  if (diags.length)
    throw new GuarantorError('tracker.invalid-input', `${file} has ${diags.length} problem(s)`, diags);
  return {
    agreements: r.data.agreements,
    instruments: r.data.agreements.map(agreementInstrument),
    pledges: r.data.agreements.flatMap(agreementPledges),
  };
}
