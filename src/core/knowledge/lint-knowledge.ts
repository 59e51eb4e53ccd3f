import type { KnowledgeBase } from './load-knowledge';

/**
 * Checks the schema cannot express: every source is an AWS page, and no aws/customer list item is a fragment left
 * by a YAML flow list split at its commas ("runs, patches and scales" → "runs" / "patches and scales").
 */

/** docs.aws.amazon.com, aws.amazon.com, or an awsdocs GitHub file pinned to a commit. */
const AWS_SOURCE = [
  /^https:\/\/docs\.aws\.amazon\.com\//,
  /^https:\/\/aws\.amazon\.com\//,
  /^https:\/\/github\.com\/awsdocs\/[\w.-]+\/blob\/[0-9a-f]{7,40}\//,
];

export function isAwsSource(url: string): boolean {
  return AWS_SOURCE.some((pattern) => pattern.test(url));
}

const DANGLING_START = /^(and|or|but|nor|then)\b/i;
const DANGLING_END = /(\b(and|or|but|the|an?|of|than)|[,;:])$/i;

/** Why a list item reads as a fragment, or null when it is a whole phrase. */
export function fragmentProblem(item: string): string | null {
  const text = item.trim();
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length < 2) return 'a single word (was the list split at a comma?)';
  if (DANGLING_START.test(text)) return `starts with "${words[0]}" (the rest of a split sentence?)`;
  if (DANGLING_END.test(text.replace(/[.!]$/, ''))) return 'ends mid-clause';
  return null;
}

export interface KnowledgeLint {
  nonAwsSources: string[];
  fragments: string[];
  missingSourceDates: string[];
  /** Oldest source copies first: [where, sourceDate]. */
  sourceDates: [string, string][];
}

export function lintKnowledge(kb: KnowledgeBase): KnowledgeLint {
  const lint: KnowledgeLint = { nonAwsSources: [], fragments: [], missingSourceDates: [], sourceDates: [] };
  const checkSources = (where: string, sources: string[]) => {
    for (const url of sources) if (!isAwsSource(url)) lint.nonAwsSources.push(`${where}: ${url}`);
  };
  const checkItems = (where: string, items: string[]) => {
    for (const item of items) {
      const problem = fragmentProblem(item);
      if (problem) lint.fragments.push(`${where}: "${item}" ${problem}`);
    }
  };
  for (const file of [kb.general, ...kb.services]) {
    for (const entry of file.responsibilities) {
      const where = `${file.id}/${entry.domain}`;
      checkSources(where, entry.sources);
      checkItems(`${where} aws`, entry.aws);
      checkItems(`${where} customer`, entry.customer);
      if (entry.sourceDate) lint.sourceDates.push([where, entry.sourceDate]);
      else lint.missingSourceDates.push(where);
      entry.variants.forEach((variant, index) => {
        const at = `${where} variant ${index + 1} (${variant.when.slice(0, 40)})`;
        checkSources(at, variant.sources);
        checkItems(`${at} aws`, variant.aws);
        checkItems(`${at} customer`, variant.customer);
      });
    }
  }
  for (const concept of kb.concepts) {
    checkSources(`concept/${concept.id}`, concept.sources);
    if (concept.sourceDate) lint.sourceDates.push([`concept/${concept.id}`, concept.sourceDate]);
    else lint.missingSourceDates.push(`concept/${concept.id}`);
  }
  lint.sourceDates.sort((a, b) => a[1].localeCompare(b[1]) || a[0].localeCompare(b[0]));
  return lint;
}
