// Parses the environment once with zod; a missing or malformed value fails start-up naming the variable.
import * as z from 'zod/mini';
import { once } from './ground/once';
import { englishErrors } from './ground/zod-mini';

/** The schema of the environment, built on first use (see ground/once.ts). */
function buildEnvSchema() {
  const optionalString = z.pipe(
    z.optional(z.string().check(z.trim())),
    z.transform((v: string | undefined) => (v ? v : undefined)),
  );

  const url = (fallback: string) =>
    z.pipe(
      z.pipe(
        z.optional(z.string().check(z.trim())),
        z.transform((v: string | undefined) => (v ? v : fallback)),
      ),
      z.url({ error: 'must be a URL such as https://example.org' }),
    );

  const dataKey = optionalString.check(
    z.refine((v) => v === undefined || decodedLength(v) === 32, {
      error: 'must be base64 of exactly 32 random bytes (for example: openssl rand -base64 32)',
    }),
  );

  // Older keys, comma-separated, still accepted for reading while `baove keys rotate` re-seals rows.
  const previousDataKeys = z.pipe(
    z.optional(z.string()),
    z.transform((v: string | undefined, ctx) => {
      const keys = (v ?? '').split(',').map((k) => k.trim()).filter(Boolean);
      keys.forEach((k, i) => {
        if (decodedLength(k) !== 32) {
          ctx.issues.push({ code: 'custom', message: `key ${i + 1} of ${keys.length} must be base64 of exactly 32 random bytes`, input: v });
        }
      });
      return keys;
    }),
  );

  const getMe = z.looseObject({ id: z.number(), is_bot: z.literal(true), first_name: z.string(), username: z.string() });
  const botInfo = z.pipe(
    z.optional(z.string().check(z.trim())),
    z.transform((v: string | undefined, ctx) => {
      if (!v) return undefined;
      try {
        const parsed = JSON.parse(v) as unknown;
        const result = getMe.safeParse(parsed);
        if (result.success) return result.data;
        ctx.issues.push({ code: 'custom', message: 'must be the JSON of getMe (id, is_bot, first_name, username)', input: v });
      } catch {
        ctx.issues.push({ code: 'custom', message: 'must be valid JSON (the result of getMe)', input: v });
      }
      return z.NEVER;
    }),
  );

  const clockTime = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be HH:MM, e.g. 07:30' }));
  /** A whole number from the environment's text, within [min, max], `fallback` when unset. */
  const wholeNumber = (min: number, max: number, fallback: number) =>
    z._default(z.coerce.number().check(z.int(), z.minimum(min), z.maximum(max)), fallback);
  const positiveNumber = (fallback: number) => z._default(z.coerce.number().check(z.positive()), fallback);
  const checkedString = (check: (v: string | undefined) => boolean, error: string) => optionalString.check(z.refine(check, { error }));

  return z.object({
    PORT: wholeNumber(1, 65535, 8787),
    HOST: z._default(z.string().check(z.trim(), z.minLength(1)), '127.0.0.1'),
    DATABASE_URL: z._default(z.string().check(z.trim()), 'file:./data/baove.db').check(
      z.refine((v) => /^(file:|libsql:|https?:|wss?:)/.test(v), {
        error: 'must start with file:, libsql:, http(s): or ws(s):',
      }),
    ),
    DATABASE_AUTH_TOKEN: optionalString,
    TELEGRAM_BOT_TOKEN: checkedString((v) => v === undefined || /^\d+:[\w-]{10,}$/.test(v), 'must look like 123456:ABC-DEF… (from @BotFather)'),
    TELEGRAM_WEBHOOK_SECRET: checkedString((v) => v === undefined || /^[A-Za-z0-9_-]{1,256}$/.test(v), 'may hold only A-Z, a-z, 0-9, _ and - (Telegram rule), 1–256 characters'),
    TELEGRAM_API_ROOT: url('https://api.telegram.org'),
    TELEGRAM_BOT_INFO: botInfo,
    ZALO_APP_ID: optionalString,
    ZALO_APP_SECRET: optionalString,
    ZALO_OA_SECRET_KEY: optionalString,
    ZALO_API_BASE: url('https://openapi.zalo.me'),
    ZALO_OAUTH_BASE: url('https://oauth.zaloapp.com'),
    ZALO_ACCESS_TOKEN: optionalString,
    ZALO_REFRESH_TOKEN: optionalString,
    ZALO_VERIFICATION: optionalString,
    /** How long a webhook body may take to arrive once its headers are in (Node); a slower sender is cut off. */
    WEBHOOK_BODY_TIMEOUT_MS: wholeNumber(50, 600_000, 10_000),
    /**
     * A signed Zalo event is taken only if its timestamp is at most this old, or this far ahead of our
     * clock: a captured event cannot be replayed later. Our choice; Zalo documents no retry window.
     */
    ZALO_EVENT_MAX_AGE_MINUTES: wholeNumber(1, 10_000_000, 1440),
    ZALO_EVENT_MAX_AHEAD_MINUTES: wholeNumber(0, 10_000_000, 10),
    DATA_KEY: dataKey,
    DATA_KEY_PREVIOUS: previousDataKeys,
    ADMIN_TOKEN: checkedString((v) => v === undefined || v.length >= 16, 'must be at least 16 characters'),
    TZ_REGION: z
      ._default(z.string().check(z.trim()), DEFAULT_TZ)
      .check(z.refine(isTimeZone, { error: 'must be an IANA time zone such as Asia/Ho_Chi_Minh' })),
    REMINDER_DAY_START: z._default(clockTime, '07:30'),
    REMINDER_DAY_END: z._default(clockTime, '20:00'),
    RATE_LIMIT_PER_MINUTE: wholeNumber(1, 10_000, 20),
    /**
     * Web chat, per client address (one household or school may share one): messages a minute, and
     * reports filed an hour. Past the second, the visitor is pointed to the hotlines instead.
     */
    WEB_ADDRESS_MESSAGES_PER_MINUTE: wholeNumber(1, 10_000, 60),
    WEB_ADDRESS_REPORTS_PER_HOUR: wholeNumber(1, 1000, 3),
    /**
     * Behind a reverse proxy: the one header it sets with the client's address (e.g. X-Forwarded-For,
     * X-Real-IP). Only then are that header and X-Forwarded-Proto believed; otherwise the socket's peer.
     */
    TRUST_PROXY_HEADER: checkedString((v) => v === undefined || /^[A-Za-z0-9-]{1,64}$/.test(v), 'must be a header name such as X-Forwarded-For'),
    /** How long an officer invite code (/dangky) works after it is made. Our choice, not a legal rule. */
    INVITE_TTL_DAYS: wholeNumber(1, 365, 7),
    /**
     * Retention (our choice, not a legal rule): a report draft left this many days is deleted, and a
     * sent message's body is dropped this many days after it was sent (the row stays, as 'archived').
     */
    DRAFT_RETENTION_DAYS: wholeNumber(1, 3650, 30),
    SENT_RETENTION_DAYS: wholeNumber(1, 3650, 30),
    ESCALATE_EMERGENCY_HOURS: positiveNumber(2),
    ESCALATE_NORMAL_HOURS: positiveNumber(24),
    PUBLIC_URL: optionalString,
    DEMO_DATA: z.optional(z.enum(['true', 'false', ''])),
  });
}

// Built without zod's English messages: a good environment needs none, and setting them is ~0.7 M
// instructions of a Worker's first request; a bad one is parsed again with them (createConfig).
const envSchema = once(buildEnvSchema);

export type Env = z.input<ReturnType<typeof buildEnvSchema>>;
export type Config = z.output<ReturnType<typeof buildEnvSchema>> & {
  telegramEnabled: boolean;
  zaloEnabled: boolean;
  /** Demo officers and a demo case are seeded only into a local file database unless DEMO_DATA says otherwise. */
  demoData: boolean;
  version: string;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export const VERSION = '0.1.0';

/** Validates the environment. Throws ConfigError whose message names each bad variable. */
export function createConfig(env: Record<string, string | undefined>): Config {
  let result = envSchema().safeParse(env);
  if (!result.success) {
    englishErrors();
    result = envSchema().safeParse(env);
  }
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`),
    );
  }
  const c = result.data;
  const problems: string[] = [];
  if (c.TELEGRAM_BOT_TOKEN && !c.TELEGRAM_WEBHOOK_SECRET) {
    problems.push('TELEGRAM_WEBHOOK_SECRET: is required when TELEGRAM_BOT_TOKEN is set (the webhook must be authenticated)');
  }
  if (c.ZALO_APP_ID && !c.ZALO_OA_SECRET_KEY) {
    problems.push('ZALO_OA_SECRET_KEY: is required when ZALO_APP_ID is set (to verify webhook signatures)');
  }
  if (c.DATA_KEY_PREVIOUS.length && !c.DATA_KEY) {
    // Otherwise Node would quietly generate a fresh current key and seal new data under it.
    problems.push('DATA_KEY_PREVIOUS: needs DATA_KEY set to the new current key');
  }
  if (problems.length) throw new ConfigError(problems);
  return {
    ...c,
    // The current key is tried first anyway; listing it again would only cost a second try.
    DATA_KEY_PREVIOUS: c.DATA_KEY_PREVIOUS.filter((k, i, all) => k !== c.DATA_KEY && all.indexOf(k) === i),
    telegramEnabled: Boolean(c.TELEGRAM_BOT_TOKEN && c.TELEGRAM_WEBHOOK_SECRET),
    zaloEnabled: Boolean(c.ZALO_APP_ID && c.ZALO_OA_SECRET_KEY),
    // Default: on for a local file only, and off where the server looks deployed (PUBLIC_URL, NODE_ENV=production).
    demoData: c.DEMO_DATA ? c.DEMO_DATA === 'true' : c.DATABASE_URL.startsWith('file:') && !demoDataLooksDeployed(true, env),
    version: VERSION,
  };
}

function decodedLength(b64: string): number {
  try {
    return atob(b64).length;
  } catch {
    return -1;
  }
}

const DEFAULT_TZ = 'Asia/Ho_Chi_Minh';

/**
 * The default zone is known good, and is not tried: the first Intl.DateTimeFormat with a time zone
 * loads ICU's zone data (10–25 ms of CPU here), which a Worker's first request would otherwise pay
 * in its boot even when nothing in that request reads a local time.
 */
function isTimeZone(tz: string): boolean {
  if (tz === DEFAULT_TZ) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * Demo data is on by default for a local file. With a public URL or NODE_ENV=production the server
 * probably has real users, and demo officers must not be among them: the server warns at start.
 */
export function demoDataLooksDeployed(demoData: boolean, env: Record<string, string | undefined>): boolean {
  return demoData && (Boolean(env.PUBLIC_URL?.trim()) || env.NODE_ENV === 'production');
}
