// `baove zalo tokens set --access X --refresh Y [--expires-in S]` and `baove zalo tokens show`.
import type { Config } from '../../config';
import type { Db } from '../../db/db';
import type { Sealer } from '../../ground/crypto';
import { maskToken, readZaloTokens, setZaloTokens } from './tokens';

const USAGE = [
  'usage:',
  '  zalo tokens set --access ACCESS_TOKEN --refresh REFRESH_TOKEN [--expires-in SECONDS]',
  '  zalo tokens show',
].join('\n');

export async function zaloCommand(args: string[], deps: { db: Db; config: Config; sealer: Sealer }, out: (l: string) => void): Promise<number> {
  const rest = args[0] === 'zalo' ? args.slice(1) : args;
  const [group, action, ...flags] = rest;
  if (group !== 'tokens' || (action !== 'set' && action !== 'show')) {
    out(USAGE);
    return 2;
  }
  const at = new Date();
  if (action === 'show') {
    const row = await readZaloTokens(deps.db, deps.sealer);
    if (!row) {
      out('no Zalo tokens stored');
      return 1;
    }
    out(`access token:  ${maskToken(row.accessToken)}, expires ${row.expiresAt.toISOString()}${row.expiresAt <= at ? ' (EXPIRED)' : ''}`);
    out(`refresh token: ${maskToken(row.refreshToken)}${row.refreshExpiresAt ? `, expires about ${row.refreshExpiresAt.toISOString()}` : ''}`);
    out(`updated:       ${row.updatedAt.toISOString()}`);
    out(`last error:    ${row.lastError ? `${row.lastError} (${row.lastErrorAt?.toISOString() ?? '?'})` : 'none'}`);
    return 0;
  }
  const opts = parseFlags(flags);
  if (typeof opts === 'string') {
    out(`${opts}\n${USAGE}`);
    return 2;
  }
  const access = opts['access'];
  const refresh = opts['refresh'];
  if (!access || !refresh) {
    out(`--access and --refresh are both required\n${USAGE}`);
    return 2;
  }
  let expiresInS: number | undefined;
  if (opts['expires-in'] !== undefined) {
    expiresInS = Number(opts['expires-in']);
    if (!Number.isInteger(expiresInS) || expiresInS <= 0) {
      out('--expires-in must be a positive number of seconds (Zalo gives 90000 for 25 hours)');
      return 2;
    }
  }
  const row = await setZaloTokens(deps.db, deps.sealer, { accessToken: access, refreshToken: refresh, expiresInS }, at);
  out(`Zalo tokens stored: access ${maskToken(row.accessToken)} until ${row.expiresAt.toISOString()}, refresh ${maskToken(row.refreshToken)}`);
  if (!deps.config.ZALO_APP_SECRET) out('warning: ZALO_APP_SECRET is not set, so the token cannot be refreshed automatically');
  return 0;
}

function parseFlags(flags: string[]): Record<string, string> | string {
  const known = new Set(['access', 'refresh', 'expires-in']);
  const out: Record<string, string> = {};
  for (let i = 0; i < flags.length; i++) {
    const flag = flags[i]!;
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(flag);
    if (!m || !known.has(m[1]!)) return `unknown argument: ${flag.startsWith('--') ? flag : '(value)'}`;
    const value = m[2] ?? flags[++i];
    if (value === undefined || value === '') return `--${m[1]} needs a value`;
    out[m[1]!] = value.trim();
  }
  return out;
}
