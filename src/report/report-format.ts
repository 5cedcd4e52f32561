// report formats and their content types: a light module the CLI can load without the report machinery

import { GuarantorError } from '../core/errors.js';
import { REPORT_FORMATS, type ReportFormat } from './report-model.js';

export const REPORT_DEFAULT_SAMPLES = 20_000;

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  pdf: 'application/pdf',
};

export function checkFormat(format: string): ReportFormat {
  if (!(REPORT_FORMATS as readonly string[]).includes(format))
    throw new GuarantorError('usage.report-format', `unknown report format '${format}'`, [
      {
        code: 'usage.report-format',
        message: `unknown report format '${format}'`,
        path: ['--format'],
        hint: `one of: ${REPORT_FORMATS.join(', ')}`,
      },
    ]);
  return format as ReportFormat;
}
