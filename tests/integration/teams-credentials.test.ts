import { startTeamsHarness, teamsActivity, type TeamsHarness } from './teams-harness';

const APP_PASSWORD = 'test-password-never-logged';

/** With Bot Framework credentials configured, every request must carry a valid token. */
describe('Teams adapter with credentials', () => {
  let h: TeamsHarness;

  beforeAll(async () => {
    h = await startTeamsHarness({
      appId: '11111111-2222-3333-4444-555555555555',
      appPassword: APP_PASSWORD,
      appType: 'MultiTenant',
    });
  });
  afterAll(async () => {
    await h.stop();
  });
  beforeEach(() => h.connector.clear());

  it('refuses an activity without an Authorization header with 401 and sends nothing', async () => {
    const response = await h.post(teamsActivity(h.connector.serviceUrl, { text: 'who owns encryption on S3' }));
    expect(response.status).toBe(401);
    expect(JSON.parse(response.body).error).toMatch(/Bot Framework token/);
    expect(h.connector.posts).toHaveLength(0);
  });

  it('refuses a token that is not a Bot Framework JWT with 401 (checked by botbuilder) and sends nothing', async () => {
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const response = await h.post(teamsActivity(h.connector.serviceUrl, { text: 'who owns encryption on S3' }), {
        authorization: 'Bearer not-a-jwt',
      });
      expect(response.status).toBe(401);
    } finally {
      errors.mockRestore();
    }
    expect(h.connector.posts).toHaveLength(0);
  });

  it('answers a JWT it cannot verify with a plain 401: no internal details, no console stack traces, one log line', async () => {
    const errors = jest.spyOn(console, 'error');
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const jwt = `${b64({ alg: 'RS256', kid: 'unknown-key', typ: 'JWT' })}.${b64({ iss: 'https://api.botframework.com', aud: '11111111-2222-3333-4444-555555555555', exp: Math.floor(Date.now() / 1000) + 600 })}.c2ln`;
    const logLinesBefore = h.logs.length;
    try {
      for (let i = 0; i < 3; i += 1) {
        const response = await h.post(teamsActivity(h.connector.serviceUrl, { text: 'who owns encryption on S3' }), { authorization: `Bearer ${jwt}` });
        expect(response.status).toBe(401);
        expect(response.body).not.toMatch(/https?:\/\/|at .*\.js|Error:/);
      }
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
    // Four rejected tokens in this file so far (one above): one log line for all of them within the interval.
    expect(logLinesBefore).toBeGreaterThan(0);
    const newLines = h.logs.filter((line) => /Bot Framework token could not be verified/.test(line));
    expect(newLines).toHaveLength(1);
    expect(() => JSON.parse(newLines[0] ?? '')).not.toThrow();
    expect(h.connector.posts).toHaveLength(0);
  }, 30_000);

  it('refuses even a loopback serviceUrl without a token (local mode rules do not apply)', async () => {
    const response = await h.post(teamsActivity('http://127.0.0.1:9/', { text: 'hi' }));
    expect(response.status).toBe(401);
  });

  it('never writes the app password to the log', () => {
    expect(h.logs.join('\n')).not.toContain(APP_PASSWORD);
  });
});
