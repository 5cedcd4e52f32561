// runs `guarantor backtest --json` in a worker thread: the back-test is tens of seconds of single-chunk runs that would
// otherwise hold the server's event loop; the worker posts {code, out, err} and exits
import { parentPort, workerData } from 'node:worker_threads';
import { runCli } from '../cli/main.js';

const { args, cwd } = workerData as { args: string[]; cwd: string };
let out = '';
let err = '';
const code = await runCli(['backtest', '--json', ...args], {
  out: (t) => {
    out += t;
  },
  err: (t) => {
    err += `${t}\n`;
  },
  env: {},
  cwd,
  isTTY: false,
});
parentPort?.postMessage({ code, out, err });
