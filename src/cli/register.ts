// one line per command module; each module owns its options and output

import type { Command } from 'commander';
import type { CliContext } from './context.js';

export function registerCommands(_program: Command, _ctx: CliContext): void {}
