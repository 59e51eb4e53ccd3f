import { SrmError } from '../../src/core/errors';
import type { Migration } from '../../src/storage/migrations/migration';
import { migrations } from '../../src/storage/migrations/migrations';
import type { StorageHarness, TestDatabase } from './storage-harness';
import { aRef } from './storage-fixtures';

const TABLES = ['claims', 'conversation_refs', 'feedback', 'questions', 'schema_migrations', 'thread_turns'];
const VERSIONS = migrations.map((migration) => migration.version);
const LATEST = VERSIONS.at(-1) ?? 0;

/** Creates a table, then fails: a runner that does not roll back would leave half_done behind. */
const broken: Migration = {
  version: LATEST + 1,
  name: 'broken-on-purpose',
  sqlite: 'CREATE TABLE half_done (id INTEGER); INSERT INTO no_such_table (id) VALUES (1);',
  postgres: 'CREATE TABLE half_done (id INTEGER); INSERT INTO no_such_table (id) VALUES (1);',
};
const brokenLabel = `${String(broken.version).padStart(3, '0')}-broken-on-purpose`;

async function expectMigrationError(opening: Promise<unknown>, ...fragments: string[]): Promise<void> {
  const error: unknown = await opening.then(
    () => new Error('expected opening the database to fail'),
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(SrmError);
  expect((error as SrmError).code).toBe('STORAGE_MIGRATION_FAILED');
  for (const fragment of fragments) expect((error as SrmError).message).toContain(fragment);
}

/** Versioned migrations: applied once, recorded, atomic, and refused when history disagrees. */
export function describeMigrationsContract(harness: StorageHarness): void {
  describe('migrations', () => {
    let db: TestDatabase;

    beforeEach(async () => {
      db = await harness.freshDatabase();
    });

    it('creates every table and records each version on a fresh database', async () => {
      await db.open();
      expect(await db.tables()).toEqual(TABLES);
      expect(await db.appliedVersions()).toEqual(VERSIONS);
    });

    it('applies nothing twice and keeps data across restarts', async () => {
      const storage = await db.open();
      await storage.saveConversationRef(aRef());
      await storage.close();
      const reopened = await db.open();
      expect(await db.appliedVersions()).toEqual(VERSIONS);
      await expect(reopened.getConversationRef('slack', 'T001:C001')).resolves.toEqual(aRef());
    });

    it('lets two instances start on an empty database at once', async () => {
      const [a, b] = await Promise.all([db.open(), db.open()]);
      expect(await db.appliedVersions()).toEqual(VERSIONS);
      await expect(a.claim('k', 'a')).resolves.toBe(true);
      await expect(b.claim('k', 'b')).resolves.toBe(false);
    });

    it('rolls a failing migration back, leaves the database as it was, and says what to fix', async () => {
      const storage = await db.open();
      await storage.saveConversationRef(aRef());
      await storage.close();

      await expectMigrationError(
        db.open({ migrations: [...migrations, broken] }),
        brokenLabel,
        'rolled back',
        `schema version ${LATEST}`,
        'src/storage/migrations/',
      );
      expect(await db.tables()).toEqual(TABLES);
      expect(await db.appliedVersions()).toEqual(VERSIONS);
      expect(await db.countRows('conversation_refs')).toBe(1);

      const healthy = await db.open();
      await expect(healthy.getConversationRef('slack', 'T001:C001')).resolves.toEqual(aRef());
    });

    it('commits the migrations before a failing one on a fresh database', async () => {
      await expectMigrationError(db.open({ migrations: [...migrations, broken] }), brokenLabel);
      expect(await db.tables()).toEqual(TABLES);
      expect(await db.appliedVersions()).toEqual(VERSIONS);
    });

    it('refuses a database migrated by a newer release', async () => {
      await (await db.open()).close();
      await db.execute("INSERT INTO schema_migrations (version, name) VALUES (999, 'from-the-future')");
      await expectMigrationError(db.open(), '999-from-the-future', 'newer srm-bot release');
    });

    it('refuses a renamed migration', async () => {
      await (await db.open()).close();
      const renamed = migrations.map((migration, i) => (i === 0 ? { ...migration, name: 'renamed' } : migration));
      await expectMigrationError(db.open({ migrations: renamed }), '001-renamed', 'never be renamed');
    });

    it('refuses a migration list that is out of order', async () => {
      const outOfOrder = [...migrations].reverse().concat(broken, broken);
      await expectMigrationError(db.open({ migrations: outOfOrder }), 'out of order');
      expect(await db.tables()).not.toContain('half_done');
    });
  });
}
