import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createStorage } from '../../src/storage/create-storage';
import { createSqliteHarness } from './sqlite-harness';
import { describeStorageContract } from './storage-contract';

describeStorageContract(createSqliteHarness());

describe('SQLite specifics', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'srm-sqlite-specifics-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('creates the directory and switches the file to WAL mode', async () => {
    const file = path.join(root, 'data', 'deeper', 'srm.db');
    const storage = await createStorage({ sqlitePath: file });
    await storage.close();
    // journal_mode=WAL is stored in the file, so a fresh connection sees it.
    const db = new Database(file, { fileMustExist: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('works in memory for throwaway use', async () => {
    const storage = await createStorage({ sqlitePath: ':memory:' });
    await expect(storage.claim('k', 'me')).resolves.toBe(true);
    await storage.close();
  });

  it('fails with the path and a hint when the file cannot be created', async () => {
    const blocker = path.join(root, 'a-file');
    fs.writeFileSync(blocker, 'not a directory');
    await expect(createStorage({ sqlitePath: path.join(blocker, 'srm.db') })).rejects.toThrow(
      /Could not open SQLite at .*a-file.*Check SQLITE_PATH/,
    );
  });
});
