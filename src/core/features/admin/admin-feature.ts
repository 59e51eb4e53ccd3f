import type { BotServices } from '../../bot-services';
import type { AdminStore } from './admin-store';
import type { Feature, FeatureCommand } from '../../feature';
import { buildReportReply } from '../../render/build-report-reply';
import { notice } from '../../render/notice';
import { DEFAULT_REPORT_WINDOW, parseSince } from '../../report/parse-since';
import type { Incoming, Reply } from '../../types';

const REPORT: FeatureCommand = {
  id: 'admin.report',
  summary: 'Admins: the knowledge report (most asked topics, unanswered questions, feedback), privately',
  examples: ['admin report', 'admin report 7d'],
  pattern: /^\s*admin\s+report(?:\s+(?:--since\s+)?(\S+))?\s*$/i,
};

/** The knowledge report for SRM_ADMINS, shown only in private (it lists other people's questions). */
export class AdminFeature implements Feature {
  readonly id = 'admin';
  readonly commands = [REPORT];
  readonly actionPrefixes = [];

  constructor(
    private readonly services: BotServices,
    private readonly admins: ReadonlySet<string>,
  ) {}

  async runCommand(_command: FeatureCommand, match: RegExpExecArray, incoming: Incoming): Promise<Reply[]> {
    this.services.rememberConversation(incoming);
    return [await this.report(incoming, match[1])];
  }

  private async report(incoming: Incoming, windowText: string | undefined): Promise<Reply> {
    if (!this.admins.has(`${incoming.platform}:${incoming.userId}`)) {
      return notice('Sorry, the knowledge report is for srm-bot admins.', 'Ask whoever runs srm-bot to add your user id to SRM_ADMINS if you need it.');
    }
    if (!incoming.private) {
      return notice("The knowledge report lists other people's questions, so I only show it privately.", 'Ask me in a direct message, or with /srm admin report in Slack.');
    }
    const storage: AdminStore | undefined = this.services.storage;
    if (!storage) return notice('The knowledge report needs storage, and this bot runs without it.');
    const window = windowText ?? DEFAULT_REPORT_WINDOW;
    const since = parseSince(window, this.services.clock.now());
    if (!since) return notice(`"${window}" is not a time window.`, 'Use a number and a unit, e.g. "admin report 7d", "24h" or "2w".');
    return buildReportReply(await storage.report(since), window);
  }
}
