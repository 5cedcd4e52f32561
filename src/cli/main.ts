// the guarantor command line: builds the commander program and translates errors to exit codes once

import { Command, CommanderError } from 'commander';
import { GuarantorError } from '../core/errors.js';
import { type CliContext, EXIT_INVALID, EXIT_USAGE, printDiagnostics } from './context.js';
import { type CliIo, processIo } from './io.js';
import { registerCommands } from './register.js';

export function buildProgram(ctx: CliContext): Command {
  const program = new Command();
  program
    .name('guarantor')
    .description('Design, stress-test and track security guarantees for Ukraine')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.io.out(s),
      writeErr: (s) => ctx.io.err(s),
    })
    .showSuggestionAfterError(true);
  registerCommands(program, ctx);
  for (const cmd of program.commands) cmd.exitOverride();
  return program;
}

export async function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  const ctx: CliContext = { io, exitCode: 0 };
  const program = buildProgram(ctx);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return ctx.exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (
        e.code === 'commander.helpDisplayed' ||
        e.code === 'commander.version' ||
        e.code === 'commander.help'
      )
        return 0;
      return EXIT_USAGE;
    }
    if (e instanceof GuarantorError) {
      if (e.diagnostics.length) printDiagnostics(ctx, e.diagnostics);
      else io.err(`error ${e.code}: ${e.message}`);
      return e.code.startsWith('usage.') ? EXIT_USAGE : EXIT_INVALID;
    }
    const msg = e instanceof Error ? e.message : String(e);
    io.err(`internal error: ${msg}`);
    if (io.env.GUARANTOR_DEBUG && e instanceof Error && e.stack) io.err(e.stack);
    return EXIT_INVALID;
  }
}
