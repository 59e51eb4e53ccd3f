import { config as loadDotenv } from 'dotenv';
import { loadConfig } from '../config';
import { renderText } from '../core/render/render-text';
import { buildReportReply } from '../core/render/build-report-reply';
import { DEFAULT_REPORT_WINDOW, parseSince } from '../core/report/parse-since';
import { createStorage } from '../storage/create-storage';

/** `npm run srm -- report [--since 7d]`: the knowledge report from the configured database (DATABASE_URL or SQLITE_PATH). */
export async function reportCommand(args: string[]): Promise<number> {
  const at = args.indexOf('--since');
  const window = at >= 0 ? (args[at + 1] ?? '') : DEFAULT_REPORT_WINDOW;
  const since = parseSince(window);
  if (!since) {
    process.stderr.write(`"${window}" is not a time window: use e.g. --since 7d, --since 24h or --since 2w.\n`);
    return 2;
  }
  loadDotenv({ quiet: true });
  const config = loadConfig();
  const storage = await createStorage(config.storage);
  try {
    const reply = buildReportReply(await storage.report(since), window);
    process.stdout.write(`${renderText(reply)}\n(storage: ${storage.backend})\n`);
    return 0;
  } finally {
    await storage.close();
  }
}
