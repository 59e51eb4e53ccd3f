import { AppManifestUtils } from '@microsoft/app-manifest';
import { config as loadDotenv } from 'dotenv';
import JSZip from 'jszip';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { z } from 'zod';
import { loadConfig } from '../config';
import { SrmError } from '../core/errors';
import { projectRoot } from '../project-root';

/** The id committed in manifests/teams/manifest.json; packaging replaces it with the bot's Microsoft App ID. */
export const PLACEHOLDER_APP_ID = '00000000-0000-0000-0000-000000000000';

/** Teams reads exactly these files from the root of the zip; the names match manifest.json's "icons". */
const PACKAGE_FILES = ['color.png', 'outline.png'] as const;

const appIdSchema = z.guid({ error: 'must be the bot registration\'s Microsoft App ID, a GUID such as 12345678-1234-1234-1234-123456789abc' });

export interface PackageTeamsOptions {
  appId: string;
  /** Folder holding manifest.json and the icons. */
  manifestDir?: string;
  /** Where to write the zip. */
  outFile?: string;
}

export interface PackageTeamsResult {
  outFile: string;
  manifest: Record<string, unknown>;
}

/**
 * Builds the Teams app package a tenant admin uploads: manifest.json with the app id filled in (as the Teams
 * app id and the bot id, one Azure Bot registration) and the version from package.json, validated against
 * the official schema bundled in @microsoft/app-manifest (offline), zipped with the two icons.
 */
export async function packageTeams(options: PackageTeamsOptions): Promise<PackageTeamsResult> {
  const parsedId = appIdSchema.safeParse(options.appId);
  if (!parsedId.success) throw new SrmError('BAD_INPUT', `MICROSOFT_APP_ID ${parsedId.error.issues[0]?.message ?? 'is invalid'}`);
  const appId = parsedId.data.toLowerCase();
  const root = projectRoot();
  const manifestDir = options.manifestDir ?? join(root, 'manifests', 'teams');
  const outFile = options.outFile ?? join(root, 'build', 'srm-bot-teams.zip');

  const manifest = JSON.parse(readFileSync(join(manifestDir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const filled = JSON.parse(JSON.stringify({ ...manifest, version }).split(PLACEHOLDER_APP_ID).join(appId)) as Record<string, unknown>;

  const problems = await AppManifestUtils.validateAgainstSchema(filled as unknown as Parameters<typeof AppManifestUtils.validateAgainstSchema>[0]);
  if (problems.length > 0) {
    throw new SrmError('BAD_INPUT', `manifests/teams/manifest.json does not match its schema:\n${problems.join('\n')}`);
  }

  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(filled, null, 2)}\n`);
  for (const name of PACKAGE_FILES) zip.file(name, readFileSync(join(manifestDir, name)));
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return { outFile, manifest: filled };
}

async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const config = loadConfig();
  if (!config.teams) {
    throw new SrmError(
      'CONFIG_INVALID',
      'MICROSOFT_APP_ID is not set: set it to the Microsoft App ID of your Azure Bot registration (in .env or the environment) and run again.',
    );
  }
  const result = await packageTeams({ appId: config.teams.appId });
  process.stdout.write(`wrote ${relative(process.cwd(), result.outFile)} (Teams app ${String(result.manifest.id)}, version ${String(result.manifest.version)}); manifest validated against its schema\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    const message = error instanceof SrmError ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : String(error);
    process.stderr.write(`package:teams failed: ${message}\n`);
    process.exit(1);
  });
}
