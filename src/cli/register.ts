// one line per command module; each module owns its options and output

import type { Command } from 'commander';
import { registerAssess, registerCompare } from './commands/assess.js';
import { registerBacktest } from './commands/backtest.js';
import { registerList, registerSchema, registerShow, registerSources } from './commands/catalog-commands.js';
import { registerEval } from './commands/eval.js';
import { registerForces } from './commands/forces.js';
import { registerReport } from './commands/report.js';
import { registerServe } from './commands/serve.js';
import { registerDeterrence } from './commands/simulate.js';
import { registerTrack } from './commands/track.js';
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
  registerForces(program, ctx);
  registerTrack(program, ctx);
  registerEval(program, ctx);
  registerDeterrence(program, ctx);
  registerBacktest(program, ctx);
  registerReport(program, ctx);
  registerServe(program, ctx);
}
