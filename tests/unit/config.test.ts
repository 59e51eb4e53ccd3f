import { loadConfig } from '../../src/config';
import { SrmError } from '../../src/core/errors';
import { createLogger, redact } from '../../src/logger';

function configError(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof SrmError && error.code === 'CONFIG_INVALID') return error.message;
    throw error;
  }
  throw new Error('expected loadConfig to fail');
}

describe('loadConfig', () => {
  it('starts with nothing set: SQLite, Slack off, Teams local mode, port 3978', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3978, slack: null, teams: null, storage: { sqlitePath: './data/srm.db' } });
    expect(config.storage.databaseUrl).toBeUndefined();
  });

  it('enables Slack with both variables and keeps the optional ones', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: 'http://127.0.0.1:9/api/' });
    expect(config.slack).toEqual({ botToken: 'xoxb-1', signingSecret: 's', appToken: undefined, apiUrl: 'http://127.0.0.1:9/api/' });
  });

  it.each([
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, /SLACK_SIGNING_SECRET is missing/],
    [{ SLACK_SIGNING_SECRET: 'secret-value' }, /SLACK_BOT_TOKEN is missing/],
    [{ SLACK_BOT_TOKEN: 'not-a-token', SLACK_SIGNING_SECRET: 's' }, /SLACK_BOT_TOKEN: must be a bot token starting with "xoxb-"/],
    [{ PORT: 'eighty' }, /PORT: must be a port number/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL: must start with postgres:\/\//],
    [{ SRM_ADMINS: 'U123' }, /SRM_ADMINS: list admins as platform:userId/],
    [{ MICROSOFT_APP_PASSWORD: 'pw' }, /MICROSOFT_APP_ID is missing/],
  ])('names the variable and the fix for %p', (env, message) => {
    expect(configError(env)).toMatch(message);
  });

  it('never echoes a secret in its error message', () => {
    expect(configError({ SLACK_SIGNING_SECRET: 'very-secret-value-123' })).not.toContain('very-secret-value-123');
  });

  it('scopes admins by platform', () => {
    expect([...loadConfig({ SRM_ADMINS: 'slack:U1, teams:29:abc' }).admins]).toEqual(['slack:U1', 'teams:29:abc']);
  });
});

describe('logger', () => {
  it('redacts tokens and connection-string passwords that slip into a log line', () => {
    expect(redact('token xoxb-123-abc and postgres://srm:hunter2@db:5432/srm')).toBe('token [redacted] and postgres://srm:[redacted]@db:5432/srm');
    const lines: string[] = [];
    createLogger('info', (line) => lines.push(line)).error('boom', { error: new Error('failed with xapp-1-secret') });
    expect(lines[0]).toContain('[redacted]');
    expect(lines[0]).not.toContain('xapp-1-secret');
    expect(lines[0]).toContain('"stack"');
  });
});
