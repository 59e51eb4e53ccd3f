import { z } from 'zod';
import { SrmError } from './core/errors';
import { defaultKnowledgeDir } from './project-root';

/**
 * The only reader of the environment. Everything else receives a typed Config, so a wrong variable fails at
 * start with a message naming it, never half-way through a request.
 */

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === '' ? undefined : value));

const envSchema = z.object({
  PORT: z.coerce.number({ error: 'must be a port number' }).int().min(0).max(65535, 'must be a port number from 0 to 65535').default(3978),
  SLACK_BOT_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith('xoxb-'), {
    message: 'must be a bot token starting with "xoxb-" (Slack app → OAuth & Permissions → Bot User OAuth Token)',
  }),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith('xapp-'), {
    message: 'must be an app-level token starting with "xapp-" (Slack app → Basic Information → App-Level Tokens, scope connections:write)',
  }),
  SLACK_API_URL: optionalText.pipe(z.url({ error: 'must be a URL such as https://slack.com/api/' }).optional()),
  MICROSOFT_APP_ID: optionalText,
  MICROSOFT_APP_PASSWORD: optionalText,
  MICROSOFT_APP_TENANT_ID: optionalText,
  MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  DATABASE_URL: optionalText.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
    message: 'must start with postgres:// (unset it to use the embedded SQLite database)',
  }),
  SQLITE_PATH: z.string().trim().min(1).default('./data/srm.db'),
  SRM_ADMINS: z
    .string()
    .default('')
    .refine((v) => v.split(',').map((id) => id.trim()).filter(Boolean).every((id) => /^(slack|teams):\S+$/.test(id)), {
      message: 'list admins as platform:userId, comma separated, e.g. "slack:U0123ABCD,teams:29:1AbC…" (a bare id could match a user on the other platform)',
    }),
  KNOWLEDGE_DIR: optionalText,
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error'], { error: 'must be one of debug, info, warn, error' }).default('info'),
  LOG_QUESTIONS: z.enum(['true', 'false', ''], { error: 'must be true or false' }).default('false'),
});

export interface SlackConfig {
  botToken: string;
  signingSecret: string;
  appToken?: string;
  apiUrl?: string;
}

export interface TeamsConfig {
  appId: string;
  appPassword?: string;
  tenantId?: string;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
}

export interface Config {
  port: number;
  /** null when Slack is not configured (the server still starts). */
  slack: SlackConfig | null;
  /** null in local mode: no Bot Framework credentials, loopback service URLs only (Bot Framework Emulator). */
  teams: TeamsConfig | null;
  storage: { databaseUrl?: string; sqlitePath: string };
  /** `platform:userId` entries allowed to run admin commands. */
  admins: Set<string>;
  knowledgeDir: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** When true, debug logs may carry users' message text (the Slack WebClient's request bodies); off by default. */
  logQuestions?: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new SrmError('CONFIG_INVALID', `Invalid environment:\n${lines.join('\n')}\nFix the variable(s) above (see .env.example).`);
  }
  const e = parsed.data;
  if ((e.SLACK_BOT_TOKEN === undefined) !== (e.SLACK_SIGNING_SECRET === undefined)) {
    const missing = e.SLACK_BOT_TOKEN === undefined ? 'SLACK_BOT_TOKEN' : 'SLACK_SIGNING_SECRET';
    throw new SrmError(
      'CONFIG_INVALID',
      `${missing} is missing: Slack needs both SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or neither, to run without Slack).`,
    );
  }
  if (e.MICROSOFT_APP_PASSWORD !== undefined && e.MICROSOFT_APP_ID === undefined) {
    throw new SrmError('CONFIG_INVALID', 'MICROSOFT_APP_PASSWORD is set but MICROSOFT_APP_ID is missing: set the bot registration\'s app id too.');
  }
  if (e.MICROSOFT_APP_TYPE === 'SingleTenant' && e.MICROSOFT_APP_ID !== undefined && e.MICROSOFT_APP_TENANT_ID === undefined) {
    throw new SrmError('CONFIG_INVALID', 'MICROSOFT_APP_TENANT_ID is missing: a SingleTenant bot needs the tenant id of its app registration.');
  }
  if (e.MICROSOFT_APP_TYPE === 'UserAssignedMSI' && e.MICROSOFT_APP_ID !== undefined) {
    // botbuilder refuses both at start with a bare assertion; say which variable to fix instead.
    if (e.MICROSOFT_APP_TENANT_ID === undefined) {
      throw new SrmError('CONFIG_INVALID', 'MICROSOFT_APP_TENANT_ID is missing: a UserAssignedMSI bot needs the tenant id of its managed identity.');
    }
    if (e.MICROSOFT_APP_PASSWORD !== undefined) {
      throw new SrmError('CONFIG_INVALID', 'MICROSOFT_APP_PASSWORD must be unset for a UserAssignedMSI bot: the managed identity replaces the password.');
    }
  }
  const slack =
    e.SLACK_BOT_TOKEN !== undefined && e.SLACK_SIGNING_SECRET !== undefined
      ? { botToken: e.SLACK_BOT_TOKEN, signingSecret: e.SLACK_SIGNING_SECRET, appToken: e.SLACK_APP_TOKEN, apiUrl: e.SLACK_API_URL }
      : null;
  const teams =
    e.MICROSOFT_APP_ID !== undefined
      ? { appId: e.MICROSOFT_APP_ID, appPassword: e.MICROSOFT_APP_PASSWORD, tenantId: e.MICROSOFT_APP_TENANT_ID, appType: e.MICROSOFT_APP_TYPE }
      : null;
  return {
    port: e.PORT,
    slack,
    teams,
    storage: { databaseUrl: e.DATABASE_URL, sqlitePath: e.SQLITE_PATH },
    admins: new Set(e.SRM_ADMINS.split(',').map((id) => id.trim()).filter(Boolean)),
    knowledgeDir: e.KNOWLEDGE_DIR ?? defaultKnowledgeDir(),
    logLevel: e.LOG_LEVEL,
    logQuestions: e.LOG_QUESTIONS === 'true',
  };
}
