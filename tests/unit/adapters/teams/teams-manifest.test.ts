import { AppManifestUtils } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageTeams, PLACEHOLDER_APP_ID } from '../../../../src/cli/package-teams';
import { projectRoot } from '../../../../src/project-root';
import { readPng } from './teams-png-reader';

// @microsoft/app-manifest require()s strip-bom 5, an ES module; Node 20.19+ loads that natively (tsx, npm run
// package:teams) but Jest's module runtime cannot before Node 24.9. Only readTeamsManifest uses it, not the
// validator under test, so a CommonJS stand-in with the same behaviour is enough here.
jest.mock('strip-bom', () => ({ __esModule: true, default: (text: string) => text.replace(/^\uFEFF/, '') }));

const DIR = join(projectRoot(), 'manifests', 'teams');
const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as Record<string, any>;
type SchemaInput = Parameters<typeof AppManifestUtils.validateAgainstSchema>[0];

describe('Teams app manifest', () => {
  it('validates against the official schema its $schema names (bundled, offline)', async () => {
    expect(manifest.$schema).toMatch(/^https:\/\/developer\.microsoft\.com\/json-schemas\/teams\/v1\.\d+\/MicrosoftTeams\.schema\.json$/);
    expect(await AppManifestUtils.validateAgainstSchema(manifest as SchemaInput)).toEqual([]);
  });

  it('the validator does catch a broken manifest', async () => {
    const broken = { ...manifest, bots: [{ ...manifest.bots[0], scopes: ['everywhere'] }] };
    expect((await AppManifestUtils.validateAgainstSchema(broken as SchemaInput)).length).toBeGreaterThan(0);
  });

  it('offers the bot in personal, team and group chat scopes, with example commands for each', () => {
    const [bot] = manifest.bots;
    expect(bot.scopes).toEqual(['personal', 'team', 'groupChat']);
    const scopes = bot.commandLists.flatMap((list: { scopes: string[] }) => list.scopes);
    expect(scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    for (const list of bot.commandLists) expect(list.commands.length).toBeGreaterThan(0);
  });

  it('lists "forget me" everywhere and "admin report" only in the personal chat, where the report is shown', () => {
    const titles = (scope: string) =>
      manifest.bots[0].commandLists.find((list: { scopes: string[] }) => list.scopes.includes(scope)).commands.map((c: { title: string }) => c.title);
    expect(titles('personal')).toEqual(expect.arrayContaining(['forget me', 'admin report']));
    expect(titles('team')).toContain('forget me');
    expect(titles('team')).not.toContain('admin report');
  });

  it('carries the placeholder app id, which packaging replaces', () => {
    expect(manifest.id).toBe(PLACEHOLDER_APP_ID);
    expect(manifest.bots[0].botId).toBe(PLACEHOLDER_APP_ID);
  });
});

describe('Teams app icons', () => {
  it('color.png is 192×192', () => {
    const png = readPng(readFileSync(join(DIR, 'color.png')));
    expect([png.width, png.height]).toEqual([192, 192]);
  });

  it('outline.png is 32×32, white on a transparent background', () => {
    const png = readPng(readFileSync(join(DIR, 'outline.png')));
    expect([png.width, png.height]).toEqual([32, 32]);
    expect(png.rgba).not.toBeNull();
    const pixels = png.rgba as Buffer;
    let transparent = 0;
    let opaque = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      const alpha = pixels[i + 3] ?? 0;
      if (alpha === 0) transparent++;
      else expect([pixels[i], pixels[i + 1], pixels[i + 2]]).toEqual([255, 255, 255]);
      if (alpha === 255) opaque++;
    }
    expect(transparent).toBeGreaterThan(32 * 32 * 0.3);
    expect(opaque).toBeGreaterThan(32 * 4);
  });
});

describe('packageTeams', () => {
  const out = mkdtempSync(join(tmpdir(), 'srm-teams-package-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('writes a zip with the app id filled in, whose manifest validates, and both icons', async () => {
    const appId = '12345678-ABCD-4321-ABCD-1234567890AB';
    const { outFile } = await packageTeams({ appId, outFile: join(out, 'srm-bot-teams.zip') });
    const zip = await JSZip.loadAsync(readFileSync(outFile));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const packed = JSON.parse(await zip.file('manifest.json')!.async('string'));
    expect(packed.id).toBe(appId.toLowerCase());
    expect(packed.bots[0].botId).toBe(appId.toLowerCase());
    expect(JSON.stringify(packed)).not.toContain(PLACEHOLDER_APP_ID);
    expect(packed.version).toBe(JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')).version);
    expect(await AppManifestUtils.validateAgainstSchema(packed)).toEqual([]);
  });

  it.each(['', 'not-a-guid', '12345678-1234-1234-1234-12345678901'])('refuses the app id %p with a message naming MICROSOFT_APP_ID', async (appId) => {
    await expect(packageTeams({ appId, outFile: join(out, 'never.zip') })).rejects.toThrow(/MICROSOFT_APP_ID/);
  });
});
