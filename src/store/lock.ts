// one process per PGlite data directory: PGlite has a single connection and no cross-process locking
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { GuarantorError } from '../core/errors.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** takes `<dir>.lock` (beside the data directory) or throws store.locked; stale locks of dead processes are taken over */
export function acquireDirLock(dir: string): () => void {
  const path = `${dir.replace(/\/+$/, '')}.lock`;
  // a fresh checkout has no ./.guarantor yet; the lock sits beside the data directory, so make its parent
  mkdirSync(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
      if (Number.isInteger(pid) && pid > 0 && alive(pid) && pid !== process.pid) {
        throw new GuarantorError(
          'store.locked',
          `the database ${dir} is in use by process ${pid}; PGlite allows one process at a time. ` +
            'Wait for it to finish, or point GUARANTOR_DB_DIR elsewhere, or use PostgreSQL via DATABASE_URL',
        );
      }
      if (pid === process.pid) {
        throw new GuarantorError('store.locked', `the database ${dir} is already open in this process`);
      }
      // the holder died (e.g. killed mid-import): its transaction never committed, so the lock is stale
      rmSync(path, { force: true });
    }
  }
  throw new GuarantorError('store.locked', `could not take the lock ${path}`);
}
