import { createInterface } from 'node:readline';
import { z } from 'zod';
import { Bot } from '../core/bot';
import { SrmError } from '../core/errors';
import { loadKnowledge } from '../core/knowledge/load-knowledge';
import { loadConfig } from '../config';
import { toAskJson } from './ask-json';
import { conversationsCommand } from './conversations-command';
import { reportCommand } from './report-command';

const USAGE = `Usage:
  npm run srm -- ask "who owns encryption on S3"        answer as text
  npm run srm -- ask --json "question"                  one JSON object
  npm run srm -- ask --json --context "earlier question" "and on fargate?"
                                                        a follow-up read in the context of earlier questions (oldest first)
  npm run srm -- ask --json --batch < questions.txt     one JSON line per input line; a line may be
                                                        {"q": "...", "context": ["earlier question", ...]}
  npm run srm -- report [--since 7d]                    knowledge report from the bot's database
  npm run srm -- conversations                          stored conversations: key, platform, team/tenant, channel, kind
  npm run srm -- send --conversation <key> "text"       post a message there through the platform (proactive send)
  npm run srm -- debug "question"                       slots and ranked knowledge units (for authors)
  npm run srm -- help`;

const batchLineSchema = z.object({ q: z.string(), context: z.array(z.string()).default([]) });

/** A batch line: a plain question, or a JSON object with the question and its thread context. */
function parseBatchLine(line: string): { q: string; context: string[] } {
  const trimmed = line.trim();
  if (trimmed.startsWith('{')) {
    try {
      const parsed = batchLineSchema.safeParse(JSON.parse(trimmed));
      if (parsed.success) return parsed.data;
    } catch {
      // Not JSON after all: read it as a question.
    }
  }
  return { q: line, context: [] };
}

async function askBatch(bot: Bot, json: boolean): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    const { q, context } = parseBatchLine(line);
    const result = bot.ask(q, context);
    process.stdout.write(json ? `${JSON.stringify(toAskJson(result))}\n` : `${result.reply.fallbackText}\n\n`);
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help') {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined ? 1 : 0;
  }
  if (command === 'report') return reportCommand(rest);
  if (command === 'conversations' || command === 'send') return conversationsCommand(command, rest);
  if (command === 'debug') {
    const bot = new Bot(loadKnowledge(loadConfig().knowledgeDir));
    const { slots, hits } = bot.engine.debug(rest.join(' '));
    process.stdout.write(`${JSON.stringify({ ...slots, terms: Object.fromEntries(slots.terms) }, null, 1)}\n`);
    for (const hit of hits) process.stdout.write(`${hit.score.toFixed(2).padStart(7)}  ${hit.owner ?? '-'}  ${hit.id}\n`);
    return 0;
  }
  if (command !== 'ask') {
    process.stderr.write(`Unknown command "${command}".\n${USAGE}\n`);
    return 2;
  }
  const json = rest.includes('--json');
  const batch = rest.includes('--batch');
  const context: string[] = [];
  const words: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (arg === '--context') {
      const earlier = rest[i + 1];
      if (earlier === undefined) {
        process.stderr.write(`--context needs the earlier question after it.\n${USAGE}\n`);
        return 2;
      }
      context.push(earlier);
      i += 1;
    } else if (!arg.startsWith('--')) words.push(arg);
  }
  const question = words.join(' ');
  if (!batch && question.trim() === '') {
    process.stderr.write(`Give a question, or --batch to read questions from standard input.\n${USAGE}\n`);
    return 2;
  }
  const bot = new Bot(loadKnowledge(loadConfig().knowledgeDir));
  if (batch) {
    await askBatch(bot, json);
    return 0;
  }
  const result = bot.ask(question, context);
  process.stdout.write(json ? `${JSON.stringify(toAskJson(result))}\n` : `${result.reply.fallbackText}\n`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(error instanceof SrmError ? `${error.code}: ${error.message}\n` : `${String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
