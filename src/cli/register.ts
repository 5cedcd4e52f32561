// one line per command module; each module owns its options and output

import type { Command } from 'commander';
import { registerAssess, registerCompare } from './commands/assess.js';
import { registerList, registerSchema, registerShow, registerSources } from './commands/catalog-commands.js';
import { registerValidate } from './commands/validate.js';
import type { CliContext } from './context.js';

export function registerCommands(program: Command, ctx: CliContext): void {
  registerList(program, ctx);
  registerShow(program, ctx);
  registerValidate(program, ctx);
  registerAssess(program, ctx);
  registerCompare(program, ctx);
  registerSources(program, ctx);
  registerSchema(program, ctx);
}
