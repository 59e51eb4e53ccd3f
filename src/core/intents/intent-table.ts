/**
 * Intents: scoped ids, the cues that signal them and example phrases. The examples drive the help text and
 * the table-driven tests; the cues are read only when the knowledge search alone cannot tell (a question about
 * S3 can be an owner question, a listing or a comparison).
 */

export type IntentId = 'srm.lookup' | 'srm.explain' | 'srm.list' | 'srm.compare' | 'srm.help' | 'srm.unknown';

export interface IntentDefinition {
  id: IntentId;
  summary: string;
  examples: string[];
  cues: RegExp[];
}

export const INTENTS: readonly IntentDefinition[] = [
  {
    id: 'srm.help',
    summary: 'Show what the bot can do',
    examples: ['help', 'what can you do?'],
    cues: [/^(help|usage|commands|menu|start|\?|hello|hi|hey)$/, /\bwhat can you do\b/, /\bhow (do i|does this bot) (use|work)\b/],
  },
  {
    id: 'srm.compare',
    summary: 'Compare a responsibility across services',
    examples: ['compare patching on ec2 vs lambda', 'encryption at rest: s3 versus dynamodb'],
    cues: [/\bcompare\b/, /\bvs\b/, /\bversus\b/, /\bdifference between\b/, /\bdiffer(s|ent)?\b/],
  },
  {
    id: 'srm.list',
    summary: 'List what you own on one or more services',
    examples: ['what do I own on lambda?', 'what do i own for ec2 rds s3', 'my responsibilities on eks'],
    cues: [
      /\bwhat (do|does|should|must) (i|we|my team|our team|the customer|customers) (own|handle|manage|cover|look after|take care of)\b/,
      /\bwhat (am i|are we|is the customer) (responsible|on the hook) for\b/,
      /\b(my|our) (responsibilities|duties|checklist)\b/,
      /\blist\b/,
      /\beverything (i|we) (own|do)\b/,
      /^stack\b/,
      /\bwhat does aws (own|do|handle|cover)\b/,
    ],
  },
  {
    id: 'srm.explain',
    summary: 'Explain a concept of the model',
    examples: ['what is the shared responsibility model?', 'explain inherited controls', 'security of vs in the cloud'],
    cues: [/^(what|whats) (is|are)\b/, /\bexplain\b/, /\bdefine\b/, /\bdefinition\b/, /\bmeaning of\b/, /\btell me about\b/, /\bwhat does .+ mean\b/, /\bdifference\b/],
  },
  {
    id: 'srm.lookup',
    summary: 'Who owns a responsibility (optionally on a service)',
    examples: ['who owns encryption on S3?', 'who patches the guest OS on EC2?', 'do we patch lambda or does amazon?'],
    cues: [
      /\bwho\b/,
      /\bwhose\b/,
      /\bdo (we|i) (have to|need to)\b/,
      /\bis (it|that) (our|my|aws)\b/,
      /\b(our|my) (job|responsibility|problem)\b/,
      /\b(on us|on our side|on me)\b/,
      /\b(or|vs) (aws|amazon|us)\b/,
    ],
  },
];

/** Lower-cased question → the intents whose cues it shows. */
export function cuedIntents(normalizedQuestion: string): Set<IntentId> {
  const cued = new Set<IntentId>();
  for (const intent of INTENTS) {
    if (intent.cues.some((cue) => cue.test(normalizedQuestion))) cued.add(intent.id);
  }
  return cued;
}
