import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Modules the core must never import: platform SDKs, web frameworks and database drivers. */
const FORBIDDEN = /^(@slack\/|botbuilder|kysely|botframework-|@microsoft\/|adaptivecards|express|better-sqlite3|pg$|pg-|node:http|node:https|http$|https$)/;
const CORE = join(__dirname, '..', '..', '..', 'src', 'core');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(source: string): string[] {
  const found: string[] = [];
  const pattern = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;
  for (const match of source.matchAll(pattern)) found.push(match[1] ?? match[2] ?? match[3] ?? match[4] ?? '');
  return found;
}

describe('core boundary', () => {
  const files = tsFiles(CORE);

  it('finds the core sources', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('detects a forbidden import when there is one', () => {
    expect(importsOf("import { App } from '@slack/bolt';").some((m) => FORBIDDEN.test(m))).toBe(true);
    expect(importsOf("const pg = require('pg');").some((m) => FORBIDDEN.test(m))).toBe(true);
    expect(importsOf("import { Kysely } from 'kysely';").some((m) => FORBIDDEN.test(m))).toBe(true);
    expect(importsOf("import type { TurnContext } from 'botbuilder';").some((m) => FORBIDDEN.test(m))).toBe(true);
  });

  it.each(files.map((file) => [relative(CORE, file), file]))('%s imports no platform SDK or driver', (_name, file) => {
    const offending = importsOf(readFileSync(file, 'utf8')).filter((module) => FORBIDDEN.test(module));
    expect(offending).toEqual([]);
  });

  it('does not read the environment (only src/config.ts does)', () => {
    const readers = files.filter((file) => /process\.env/.test(readFileSync(file, 'utf8')));
    expect(readers.map((file) => relative(CORE, file))).toEqual([]);
  });
});
