import { describeConcurrencyContract } from './contract-concurrency';
import { describeMigrationsContract } from './contract-migrations';
import { describeRecordsContract } from './contract-records';
import { describeReportContract } from './contract-report';
import { describeThreadsContract } from './contract-threads';
import type { StorageHarness } from './storage-harness';

/**
 * The one storage contract: every backend runs exactly these tests, so the core can rely on the port
 * behaving the same on SQLite and PostgreSQL. Split by concern into contract-*.ts to keep files short.
 */
export function describeStorageContract(harness: StorageHarness): void {
  describe(`Storage contract (${harness.backend})`, () => {
    afterEach(() => harness.cleanup());
    afterAll(() => harness.dispose());

    describeRecordsContract(harness);
    describeReportContract(harness);
    describeThreadsContract(harness);
    describeConcurrencyContract(harness);
    describeMigrationsContract(harness);
  });
}
