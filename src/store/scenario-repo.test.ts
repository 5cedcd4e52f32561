// user scenarios on every backend: insert, optimistic updates, conflicts, deletes; and that PGlite's own queue keeps a
// query issued during another request's transaction out of that transaction (so the server needs no extra mutex)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './db.js';
import {
  deleteUserScenario,
  getUserScenario,
  insertUserScenario,
  listUserScenarios,
  updateUserScenario,
  VersionConflictError,
} from './scenario-repo.js';
import { testBackends } from './test-backends.js';

describe.each(testBackends())('user scenarios on $name', (backend) => {
  let db: Db;
  beforeAll(async () => {
    db = await backend.open();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('inserts version 1 and refuses a second insert of the same id', async () => {
    const s = await insertUserScenario(db, { id: 'mine', title: 'Mine', yaml: 'id: mine\n' });
    expect([s.id, s.version, s.title]).toEqual(['mine', 1, 'Mine']);
    expect(s.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    await expect(insertUserScenario(db, { id: 'mine', title: 'Other', yaml: 'x' })).rejects.toMatchObject({
      code: 'scenario.exists',
    });
    expect((await getUserScenario(db, 'mine'))?.title).toBe('Mine');
  });

  it('bumps the version on update and rejects a stale version with the current one', async () => {
    const u = await updateUserScenario(db, {
      id: 'mine',
      title: 'Mine 2',
      yaml: 'id: mine\n#2\n',
      version: 1,
    });
    expect(u.version).toBe(2);
    const stale = updateUserScenario(db, { id: 'mine', title: 'lost', yaml: 'x', version: 1 });
    await expect(stale).rejects.toBeInstanceOf(VersionConflictError);
    await expect(stale).rejects.toMatchObject({ code: 'scenario.version-conflict', current: 2 });
    expect((await getUserScenario(db, 'mine'))?.yaml).toBe('id: mine\n#2\n');
    await expect(
      updateUserScenario(db, { id: 'absent', title: 't', yaml: 'y', version: 1 }),
    ).rejects.toMatchObject({ code: 'scenario.not-found' });
  });

  it('deletes only at the named version, and reports unknown ids', async () => {
    await insertUserScenario(db, { id: 'gone', title: 'Gone', yaml: 'id: gone\n' });
    await expect(deleteUserScenario(db, 'gone', 7)).rejects.toMatchObject({ current: 1 });
    await deleteUserScenario(db, 'gone', 1);
    expect(await getUserScenario(db, 'gone')).toBeUndefined();
    await expect(deleteUserScenario(db, 'gone')).rejects.toMatchObject({ code: 'scenario.not-found' });
    expect((await listUserScenarios(db)).map((s) => s.id)).toEqual(['mine']);
  });

  it('refuses ids that are not kebab-case at the database too', async () => {
    await expect(insertUserScenario(db, { id: 'Bad Id', title: 't', yaml: 'y' })).rejects.toThrow();
  });

  it('two concurrent updates at the same version: exactly one wins', async () => {
    await insertUserScenario(db, { id: 'race', title: 'Race', yaml: 'v1' });
    const results = await Promise.allSettled([
      updateUserScenario(db, { id: 'race', title: 'a', yaml: 'a', version: 1 }),
      updateUserScenario(db, { id: 'race', title: 'b', yaml: 'b', version: 1 }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    expect((await getUserScenario(db, 'race'))?.version).toBe(2);
  });

  it('a query issued while a transaction is open does not run inside it', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let inserted: () => void = () => undefined;
    const insertedP = new Promise<void>((r) => {
      inserted = r;
    });
    const tx = db.transaction(async (t) => {
      await t.query(`insert into user_scenarios (id, title, yaml) values ('in-tx', 't', 'y')`);
      inserted();
      await gate;
      throw new Error('roll back');
    });
    await insertedP;
    // issued while the transaction holds the connection: it must neither see nor join the uncommitted row
    const outside = db.query<{ n: number }>(
      `select count(*)::int as n from user_scenarios where id = 'in-tx'`,
    );
    release();
    await expect(tx).rejects.toThrow('roll back');
    expect((await outside)[0]!.n).toBe(0);
    expect(await getUserScenario(db, 'in-tx')).toBeUndefined();
  });
});
