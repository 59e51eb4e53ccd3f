import { SrmError } from '../../src/core/errors';
import { createStorage } from '../../src/storage/create-storage';
import { createPostgresHarness } from './postgres-harness';
import { describeStorageContract } from './storage-contract';

const databaseUrl = process.env.TEST_DATABASE_URL;

if (databaseUrl) {
  describeStorageContract(createPostgresHarness(databaseUrl));
} else {
  console.warn(
    [
      '',
      '#'.repeat(72),
      '#  PostgreSQL contract suite SKIPPED: set TEST_DATABASE_URL',
      '#  e.g. TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx jest tests/contract',
      '#'.repeat(72),
      '',
    ].join('\n'),
  );
  describe.skip('Storage contract (postgres)', () => {
    it('needs TEST_DATABASE_URL', () => undefined);
  });
}

// These need no server: they check start-up errors never echo the connection string's password.
describe('PostgreSQL start-up errors', () => {
  const unused = '/nonexistent/unused.db';

  it('names host, port and database but not the password when the server is unreachable', async () => {
    const error: unknown = await createStorage({
      databaseUrl: 'postgres://srm:s3cret-pw@127.0.0.1:1/srm_nowhere',
      sqlitePath: unused,
    }).catch((rejection: unknown) => rejection);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain('PostgreSQL at 127.0.0.1:1/srm_nowhere');
    expect(message).toContain('Check DATABASE_URL');
    expect(message).not.toContain('s3cret-pw');
  });

  it('rejects a malformed DATABASE_URL as a config error without echoing it', async () => {
    const error: unknown = await createStorage({ databaseUrl: 'not a url s3cret-pw', sqlitePath: unused }).catch(
      (rejection: unknown) => rejection,
    );
    expect(error).toBeInstanceOf(SrmError);
    expect((error as SrmError).code).toBe('CONFIG_INVALID');
    expect((error as SrmError).message).not.toContain('s3cret-pw');
  });

  it('rejects a URL that is not postgres://', async () => {
    await expect(createStorage({ databaseUrl: 'mysql://u:p@h/db', sqlitePath: unused })).rejects.toThrow(
      /must start with postgres:\/\//,
    );
  });

  it('rejects a schema name that is not a plain identifier', async () => {
    await expect(
      createStorage({
        databaseUrl: 'postgres://u@127.0.0.1:1/db',
        sqlitePath: unused,
        postgresSchema: 'x; DROP TABLE y',
      }),
    ).rejects.toThrow(/schema must be a lower-case identifier/);
  });
});
