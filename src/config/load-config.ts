import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import { PrivetError } from '../domain/errors.ts';

// The only place that reads process.env: every other module receives a Config.
const EnvSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 8080 }),
  HOST: Type.String({ minLength: 1, default: '127.0.0.1' }),
  PRIVET_DATA_DIR: Type.String({ minLength: 1, default: '.privet' }),
  PRIVET_DATABASE_URL: Type.Optional(Type.String({ minLength: 1 })),
  PRIVET_SECRET: Type.Optional(Type.String({ minLength: 32 })),
  PRIVET_PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://[^\\s]+$' })),
  PRIVET_SMTP_URL: Type.Optional(Type.String({ pattern: '^smtps?://[^\\s]+$' })),
  PRIVET_MAIL_FROM: Type.String({ minLength: 3, default: 'Privet <privacy@localhost>' }),
  PRIVET_LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  PRIVET_TRUST_PROXY: Type.Boolean({ default: false }),
  PRIVET_DEMO: Type.Boolean({ default: true }),
  PRIVET_WEBHOOKS_ALLOW_LOCAL: Type.Boolean({ default: false }),
  PRIVET_PACKAGE_RETENTION_DAYS: Type.Integer({ minimum: 1, maximum: 3650, default: 30 }),
  PRIVET_CONSENT_RETRY_DAYS: Type.Integer({ minimum: 1, maximum: 3650, default: 7 }),
  PRIVET_PORTABILITY_SECRET: Type.Optional(Type.String({ minLength: 16 })),
  PRIVET_DRP_AGENTS_FILE: Type.Optional(Type.String({ minLength: 1 })),
  PRIVET_DRP_BUSINESS_ID: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_.:-]{1,100}$' })),
});

type Env = Static<typeof EnvSchema>;

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** Either a `postgres://` URL or an absolute SQLite file path (`:memory:` in tests). */
  readonly databaseUrl: string;
  readonly secret: string;
  readonly publicUrl: string;
  /** False when publicUrl was derived from HOST and PORT rather than set. */
  readonly publicUrlSet: boolean;
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  readonly logLevel: string;
  readonly trustProxy: boolean;
  /** Seed the demo organisation, demo shop and its data map on first start. */
  readonly demo: boolean;
  /** Webhooks may go to http:// and loopback URLs (tests, local development); private networks stay refused. */
  readonly webhooksAllowLocal: boolean;
  /** Days an access package stays downloadable before it is purged (PRIVET_PACKAGE_RETENTION_DAYS). */
  readonly packageRetentionDays: number;
  /** Days a banner post's idempotency key is kept to answer retries (PRIVET_CONSENT_RETRY_DAYS). */
  readonly consentKeyRetentionDays: number;
  /** Shared secret signing portability packages sent to another controller (PRIVET_PORTABILITY_SECRET). */
  readonly portabilitySecret: string | undefined;
  /** DRP: the authorized-agent directory file (JSON, the spec's agent entries), resolved against the cwd. */
  readonly drpAgentsFile: string | undefined;
  /** DRP: this business's `business-id`; when unset, the one saved through the admin API applies. */
  readonly drpBusinessId: string | undefined;
}

/** True when the database URL names a PostgreSQL server rather than a SQLite file. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/**
 * Reads and validates the environment once. A bad value throws a `config_invalid` error naming the variable.
 * When PRIVET_SECRET is unset, a secret is generated into `<data dir>/secret` on first start and reused after.
 */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  cwd = process.cwd(),
): Config {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(EnvSchema.properties)) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const converted = Value.Convert(EnvSchema, Value.Default(EnvSchema, raw));
  if (!Value.Check(EnvSchema, converted)) {
    const issues = [...Value.Errors(EnvSchema, converted)].map((e) => {
      const name = e.instancePath.replace(/^\//, '');
      return {
        code: 'env_invalid',
        path: name,
        message: `${name}: ${e.message} (got ${JSON.stringify(raw[name])})`,
      };
    });
    throw new PrivetError(
      'config_invalid',
      `Invalid environment: ${issues.map((i) => i.message).join('; ')}`,
      {
        issues,
      },
    );
  }
  const parsed: Env = converted;
  const dataDir = isAbsolute(parsed.PRIVET_DATA_DIR)
    ? parsed.PRIVET_DATA_DIR
    : resolve(cwd, parsed.PRIVET_DATA_DIR);
  const databaseUrl = resolveDatabaseUrl(parsed.PRIVET_DATABASE_URL, dataDir, cwd);
  return {
    port: parsed.PORT,
    host: parsed.HOST,
    dataDir,
    databaseUrl,
    secret: parsed.PRIVET_SECRET ?? readOrCreateSecret(dataDir),
    publicUrl: (parsed.PRIVET_PUBLIC_URL ?? `http://${parsed.HOST}:${parsed.PORT}`).replace(/\/+$/, ''),
    publicUrlSet: parsed.PRIVET_PUBLIC_URL !== undefined,
    smtpUrl: parsed.PRIVET_SMTP_URL,
    mailFrom: parsed.PRIVET_MAIL_FROM,
    logLevel: parsed.PRIVET_LOG_LEVEL,
    trustProxy: parsed.PRIVET_TRUST_PROXY,
    demo: parsed.PRIVET_DEMO,
    webhooksAllowLocal: parsed.PRIVET_WEBHOOKS_ALLOW_LOCAL,
    packageRetentionDays: parsed.PRIVET_PACKAGE_RETENTION_DAYS,
    consentKeyRetentionDays: parsed.PRIVET_CONSENT_RETRY_DAYS,
    portabilitySecret: parsed.PRIVET_PORTABILITY_SECRET,
    drpAgentsFile:
      parsed.PRIVET_DRP_AGENTS_FILE === undefined ? undefined : resolve(cwd, parsed.PRIVET_DRP_AGENTS_FILE),
    drpBusinessId: parsed.PRIVET_DRP_BUSINESS_ID,
  };
}

function resolveDatabaseUrl(url: string | undefined, dataDir: string, cwd: string): string {
  if (url === undefined) return join(dataDir, 'privet.db');
  if (isPostgresUrl(url) || url === ':memory:') return url;
  if (/^[a-z]+:\/\//i.test(url)) {
    throw new PrivetError(
      'config_invalid',
      `Invalid environment: PRIVET_DATABASE_URL must be a postgres:// URL or a SQLite file path (got ${url.split(':')[0]}://…)`,
      { issues: [{ code: 'env_invalid', path: 'PRIVET_DATABASE_URL', message: 'unsupported scheme' }] },
    );
  }
  const path = url.replace(/^sqlite:/, '');
  return isAbsolute(path) ? path : resolve(cwd, path);
}

function readOrCreateSecret(dataDir: string): string {
  const file = join(dataDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}
