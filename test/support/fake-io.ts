// an in-memory CliIo so commands run in-process and their output can be snapshotted
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/main.js';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(
  args: string[],
  opts: { env?: Record<string, string>; tty?: boolean } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    out: (t) => {
      stdout += t.endsWith('\n') ? t : `${t}\n`;
    },
    err: (t) => {
      stderr += t.endsWith('\n') ? t : `${t}\n`;
    },
    env: opts.env ?? { NO_COLOR: '1' },
    cwd: repoRoot,
    isTTY: opts.tty ?? false,
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}
