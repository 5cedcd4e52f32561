// development bootstrap for worker threads when running from .ts sources: registers tsx, then loads worker.ts
import { register } from 'tsx/esm/api';

register();
const mod = await import('./worker.ts');
export default mod.default;
