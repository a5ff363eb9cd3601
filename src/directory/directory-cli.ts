// `baove directory import FILE.csv`, `baove directory invite <code> [--role supervisor]` and
// `baove directory revoke <invite code>` (Node CLI only).
import type { Config } from '../config';
import type { Db } from '../db/db';
import type { Sealer } from '../ground/crypto';
import { createInvite, findInvite, importOfficersCsv, inviteExpiresAt, revokeInvite } from './directory';
import { parseInviteCode } from './enroll';
import { unitLookupFromDb } from './units';
import { auditAs } from '../cases/audit';

const USAGE = 'usage: directory import FILE.csv | directory invite <commune_code|province_code> [--role officer|supervisor] | directory revoke <invite code>';

export async function directoryCommand(
  args: string[],
  deps: { db: Db; config: Config; sealer: Sealer },
  out: (l: string) => void,
  err: (l: string) => void,
): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'import') {
    const file = rest[0];
    if (!file) {
      err(USAGE);
      return 2;
    }
    const { readFile } = await import('node:fs/promises');
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      err(`cannot read ${file}`);
      return 2;
    }
    const result = await importOfficersCsv(deps.db, text, new Date(), err, undefined, { sealer: deps.sealer, tz: deps.config.TZ_REGION });
    if (!result.ok) {
      for (const e of result.errors) err(`${file}:${e.line}: ${e.message}`);
      err(`${result.errors.length} error(s); nothing was imported`);
      return 1;
    }
    out(`imported ${result.imported} new officer(s), updated ${result.updated}`);
    if (result.rerouted) out(`handed ${result.rerouted} open case(s) waiting with the supervisor or unrouted to the new officers`);
    return 0;
  }
  if (sub === 'invite') {
    const roleAt = rest.indexOf('--role');
    const roleArg = roleAt >= 0 ? rest[roleAt + 1] : 'officer';
    const code = rest.find((a, i) => !a.startsWith('--') && (roleAt < 0 || i !== roleAt + 1));
    if (!code || !/^(\d{2}|\d{5})$/.test(code) || (roleArg !== 'officer' && roleArg !== 'supervisor')) {
      err(USAGE);
      return 2;
    }
    const role = code.length === 2 ? 'supervisor' : roleArg;
    const units = await unitLookupFromDb(deps.db);
    if (units.loaded && !(code.length === 2 ? units.province(code) : units.commune(code))) {
      err(`unknown ${code.length === 2 ? 'province' : 'commune'} code ${code}`);
      return 1;
    }
    const made = new Date();
    const invite = await createInvite(deps.db, code, role, made);
    out(invite.code);
    const expires = inviteExpiresAt(made, deps.config.INVITE_TTL_DAYS);
    err(`one-time code for ${role} of ${code}: the officer sends /dangky ${invite.code} to the bot before ${expires.toISOString()} (INVITE_TTL_DAYS=${deps.config.INVITE_TTL_DAYS})`);
    return 0;
  }
  if (sub === 'revoke') {
    const code = parseInviteCode(rest.join(' '));
    if (!code) {
      err(USAGE);
      return 2;
    }
    const at = new Date();
    const outcome = await revokeInvite(deps.db, code, at);
    if (outcome === 'revoked') {
      const invite = (await findInvite(deps.db, code))!;
      await auditAs(deps.db, at, 'admin:cli', 'admin.invite_revoked', null, { unit: invite.communeCode, role: invite.role });
      out(`revoked ${code}: /dangky ${code} no longer works`);
      return 0;
    }
    err(outcome === 'unknown' ? `no invite ${code}` : outcome === 'used' ? `${code} was already used; remove the officer instead` : `${code} was already revoked`);
    return 1;
  }
  err(USAGE);
  return 2;
}
