// development bootstrap when running from .ts sources (tests, tsx): registers tsx, then loads the worker
import { register } from 'tsx/esm/api';

register();
await import('./backtest-worker.ts');
