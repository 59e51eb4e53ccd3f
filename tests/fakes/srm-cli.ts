import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { AskJson } from '../../src/cli/ask-json';

/** The project's CLI (`npm run srm`) as the tests run it: the real entry point under tsx, in a child process. */
export const ROOT = join(__dirname, '..', '..');
export const SRM = ['--import', 'tsx', join(ROOT, 'src', 'cli', 'srm.ts')];
export const runSrm = promisify(execFile);

/** `srm ask --json --batch`: one input line per question (plain or a JSON object with context), one answer each. */
export function askBatch(lines: string[]): Promise<AskJson[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...SRM, 'ask', '--json', '--batch'], { cwd: ROOT });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`exit ${code}`));
      resolve(out.trim().split('\n').map((line) => JSON.parse(line) as AskJson));
    });
    child.stdin.end(`${lines.join('\n')}\n`);
  });
}
