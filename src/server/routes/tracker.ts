// the tracker: GET /api/tracker/<sub> = `guarantor track <sub> --json`; POST /api/tracker/import takes the raw file
// (CSV, XLSX workbook or agreements YAML) and imports it all or nothing, exactly as `track import` does
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { GuarantorError } from '../../core/errors.js';
import { didYouMean } from '../../core/util/did-you-mean.js';
import {
  asOfDate,
  EXPORTS,
  importDryRunJson,
  importJson,
  trackerAgreement,
  trackerAgreements,
  trackerCapability,
  trackerDonor,
  trackerExport,
  trackerStatus,
} from '../../node/tracker-json.js';
import type { ImportKind } from '../../tracker/apply-import.js';
import { IMPORT_KINDS, importPrepared, prepareImport } from '../../tracker/import-file.js';
import type { ServerDeps } from '../deps.js';
import { IMPORT_LIMIT_BYTES, type RouteSpec, route } from '../registry.js';
import { AnyObject, isoDate, queryBool, queryInt } from '../schemas.js';

const AsOf = z.object({ asOf: isoDate.optional() });

/** a safe file name for the upload: its base name, letters, digits, dot, dash and underscore only */
function safeName(name: string | undefined): string {
  const base = basename(name ?? 'upload.csv')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^\.+/, '');
  return base.length ? base.slice(0, 120) : 'upload.csv';
}

export function trackerRoutes(deps: ServerDeps): RouteSpec[] {
  const today = () => deps.now().toISOString().slice(0, 10);
  const asOf = (raw: string | undefined) => asOfDate(raw, today(), 'asOf');
  return [
    route({
      method: 'get',
      path: '/api/tracker/status',
      summary:
        'The ledger: releases, per donor committed vs allocated, deliverables, overdue (= track status --json)',
      tag: 'tracker',
      query: AsOf,
      response: AnyObject,
      handler: async ({ query }) => (await trackerStatus(deps.db, asOf(query.asOf))).json,
    }),
    route({
      method: 'get',
      path: '/api/tracker/donor/{name}',
      summary:
        'One donor: metrics by category and agreement, Kiel by year, heavy weapons (= track donor --json)',
      tag: 'tracker',
      params: z.object({ name: z.string().min(1).max(100).describe('donor name or ISO code') }),
      query: AsOf,
      errors: [404],
      response: AnyObject,
      handler: async ({ params, query }) => (await trackerDonor(deps.db, params.name, asOf(query.asOf))).json,
    }),
    route({
      method: 'get',
      path: '/api/tracker/agreement',
      summary: 'The bilateral agreements in the ledger (= track agreement --json)',
      tag: 'tracker',
      response: AnyObject,
      handler: async () => (await trackerAgreements(deps.db)).json,
    }),
    route({
      method: 'get',
      path: '/api/tracker/agreement/{id}',
      summary:
        'One agreement: deliverables, progress, Kiel allocations, forecast (= track agreement <id> --json)',
      tag: 'tracker',
      params: z.object({ id: z.string().min(1).max(200) }),
      query: AsOf,
      errors: [404],
      response: AnyObject,
      handler: async ({ params, query }) =>
        (await trackerAgreement(deps.db, params.id, asOf(query.asOf))).json,
    }),
    route({
      method: 'get',
      path: '/api/tracker/export',
      summary: 'Monthly series, metrics, pledges, events, releases or the audit log (= track export --json)',
      tag: 'tracker',
      query: AsOf.extend({
        what: z.enum(EXPORTS).optional().describe('default monthly'),
        by: z.enum(['donor', 'category', 'instrument', 'month']).optional().describe('for metrics'),
        from: z.enum(['kiel', 'ledger']).optional().describe('for monthly'),
        limit: queryInt('for audit: newest N entries', 1, 100_000).optional(),
      }),
      response: AnyObject,
      handler: async ({ query }) =>
        (
          await trackerExport(deps.db, {
            asOf: asOf(query.asOf),
            ...(query.what ? { what: query.what } : {}),
            ...(query.by ? { by: query.by } : {}),
            ...(query.from ? { from: query.from } : {}),
            ...(query.limit !== undefined ? { limit: query.limit } : {}),
          })
        ).json,
    }),
    route({
      method: 'get',
      path: '/api/tracker/capability',
      summary:
        'Defender-capability index per year, as promised and with deliveries shifted (= track capability --json)',
      tag: 'tracker',
      query: AsOf.extend({
        shift: z
          .string()
          .regex(/^-?\d+$/, 'whole months')
          .optional()
          .describe('delay open deliveries (months)'),
        fromYear: queryInt('first year', 1990, 2100).optional(),
        toYear: queryInt('last year', 1990, 2100).optional(),
        donor: z.string().max(100).optional(),
        basis: z.enum(['kiel', 'ledger']).optional(),
      }),
      errors: [404],
      response: AnyObject,
      handler: async ({ query }) =>
        (
          await trackerCapability(deps.db, {
            asOf: asOf(query.asOf),
            ...(query.shift !== undefined ? { shift: query.shift } : {}),
            ...(query.fromYear !== undefined ? { fromYear: query.fromYear } : {}),
            ...(query.toYear !== undefined ? { toYear: query.toYear } : {}),
            ...(query.donor !== undefined ? { donor: query.donor } : {}),
            ...(query.basis !== undefined ? { basis: query.basis } : {}),
          })
        ).json,
    }),
    route({
      method: 'post',
      path: '/api/tracker/import',
      summary: 'Import a file into the ledger, all or nothing (= track import --json); the body is the file',
      tag: 'tracker',
      query: z.object({
        name: z
          .string()
          .max(200)
          .optional()
          .describe('file name: picks the kind by extension, names the import'),
        kind: z
          .string()
          .max(40)
          .optional()
          .describe(`file kind: ${IMPORT_KINDS.join(', ')} (default: detected)`),
        release: z.string().max(200).optional().describe("release label for Kiel files, e.g. 'Release 30'"),
        dryRun: queryBool('validate only; write nothing').optional(),
      }),
      raw: {
        mediaTypes: [
          'text/csv',
          'application/yaml',
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'application/octet-stream',
        ],
        maxBytes: IMPORT_LIMIT_BYTES,
      },
      errors: [413, 422],
      response: AnyObject,
      handler: async ({ query, raw }) => {
        if (query.kind && !IMPORT_KINDS.includes(query.kind as ImportKind)) {
          const guess = didYouMean(query.kind, IMPORT_KINDS);
          throw new GuarantorError('usage.unknown-kind', `unknown kind '${query.kind}'`, [
            {
              code: 'usage.unknown-kind',
              message: `unknown kind '${query.kind}'`,
              path: ['query', 'kind'],
              hint: guess ? `did you mean '${guess}'?` : `one of: ${IMPORT_KINDS.join(', ')}`,
            },
          ]);
        }
        if (!raw?.length)
          throw new GuarantorError('request.empty-body', 'the request body is empty: send the file itself', [
            {
              code: 'request.empty-body',
              message: 'empty body',
              path: ['body'],
              hint: "curl --data-binary @file.csv '.../api/tracker/import?name=file.csv'",
            },
          ]);
        const name = safeName(query.name);
        // the importer reads files (and sniffs workbooks); give it one in a private temporary directory
        const dir = await mkdtemp(join(tmpdir(), 'guarantor-upload-'));
        try {
          const path = join(dir, name);
          await writeFile(path, raw);
          const prepared = await prepareImport({
            path,
            display: name,
            ...(query.kind ? { kind: query.kind as ImportKind } : {}),
            ...(query.release ? { release: query.release } : {}),
            actor: deps.actor,
          });
          const warnings = prepared.warnings.filter((d) => d.severity === 'warning');
          if (query.dryRun) return importDryRunJson(name, prepared, warnings);
          const outcome = await importPrepared(deps.db, prepared, deps.actor);
          return importJson(name, prepared, outcome, warnings);
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      },
    }),
  ];
}
