import type { KnowledgeReport } from '../ports/storage';
import type { Reply } from '../types';
import { finishReply } from './reply-parts';

/** The knowledge report: what people ask, what the engine could not answer, and how answers were rated. */
export function buildReportReply(report: KnowledgeReport, window: string): Reply {
  const topics = report.topTopics.map((t) => `• ${t.topic}: ${t.count}`).join('\n') || 'No questions in this window.';
  const unanswered = report.unanswered.map((u) => `• ${u.question} (${u.count}×)`).join('\n') || 'None: every question got an answer.';
  const feedback =
    report.feedback
      .map((f) => {
        const total = f.up + f.down;
        return `• ${f.topic}: 👍 ${f.up} / 👎 ${f.down} (${Math.round((100 * f.up) / Math.max(total, 1))}% helpful)`;
      })
      .join('\n') || 'No votes yet.';
  return finishReply({
    kind: 'notice',
    title: `Knowledge report: last ${window} (since ${report.since.toISOString().slice(0, 16).replace('T', ' ')} UTC)`,
    owner: null,
    sections: [
      { heading: 'Most asked topics', text: topics },
      { heading: 'Questions without a confident answer', text: unanswered },
      { heading: 'Feedback per topic', text: feedback },
    ],
    buttons: [],
    links: [],
    ephemeral: true,
  });
}
