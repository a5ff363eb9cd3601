// The officer directory: CSV import (all-or-nothing, line-numbered errors; the communes' waiting cases
// go to their new officers), invite codes, demo officers.
import { parse } from 'csv-parse/sync';
import { and, eq, isNull, like, sql } from 'drizzle-orm';
import * as z from 'zod/mini';
import { lazySchema } from '../ground/zod-mini';
import type { Db } from '../db/db';
import { invites, officers } from '../db/schema';
import { withTransaction } from '../db/tx';
import { enqueue } from '../outbox/outbox';
import type { Sealer } from '../ground/crypto';
import { normalizeVietnamesePhone } from '../intake/phone';
import { randomChars } from '../cases/ref';
import { rerouteOpenCases } from '../cases/reroute';
import { unitLookupFromDb, type UnitLookup } from './units';
import { WEB_DEMO_OFFICER } from '../channels/web/demo';

export type { UnitLookup };

export const OFFICER_CSV_COLUMNS = ['commune_code', 'name', 'role', 'channel', 'channel_user_id', 'phone'] as const;
const PROGRESS_EVERY = 500;

const rowSchema = lazySchema(() =>
  z.object({
    commune_code: z.string().check(z.trim(), z.regex(/^(\d{2}|\d{5})$/, { error: 'commune_code phải là mã xã 5 chữ số (hoặc mã tỉnh 2 chữ số cho supervisor)' })),
    name: z.string().check(z.trim(), z.minLength(1, { error: 'name không được để trống' }), z.maxLength(120, { error: 'name dài quá 120 ký tự' })),
    role: z.enum(['officer', 'supervisor'], { error: 'role phải là officer hoặc supervisor' }),
    channel: z.enum(['telegram', 'zalo', 'cli'], { error: 'channel phải là telegram, zalo hoặc cli' }),
    channel_user_id: z
      .string()
      .check(z.trim(), z.minLength(1, { error: 'channel_user_id không được để trống' }), z.maxLength(64, { error: 'channel_user_id dài quá 64 ký tự' })),
    phone: z._default(z.optional(z.string().check(z.trim())), ''),
  }),
);

interface ValidRow {
  communeCode: string;
  provinceCode: string;
  name: string;
  role: 'officer' | 'supervisor';
  channel: 'telegram' | 'zalo' | 'cli';
  channelUserId: string;
  phone: string | null;
}

export type ImportResult =
  | { ok: true; imported: number; updated: number; /** Open cases handed to the imported officers (only when some were). */ rerouted?: number }
  | { ok: false; errors: Array<{ line: number; message: string }> };

/**
 * Imports officers from CSV. Every row is checked first; one bad row means nothing is written and
 * every problem is reported with its line number. Existing officers (same channel identity and
 * commune) are updated and re-activated.
 *
 * With `notices` (the sealer for the outbox and the region's time zone), the open cases of each
 * imported commune that waited with the supervisor or unrouted are routed to its officers, who get
 * one notice each, in the import's transaction. Without it no case is rerouted: every real caller
 * should pass it (it is optional only for checks of the CSV rules).
 */
export async function importOfficersCsv(
  db: Db,
  csvText: string,
  at: Date,
  progress?: (l: string) => void,
  lookup?: UnitLookup,
  notices?: { sealer: Sealer; tz: string },
): Promise<ImportResult> {
  const units = lookup ?? (await unitLookupFromDb(db));
  const errors: Array<{ line: number; message: string }> = [];
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    records = parse(csvText, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      bom: true,
      info: true,
      relax_column_count: false,
    }) as typeof records;
  } catch (err) {
    const e = err as { lines?: number; message?: string };
    return { ok: false, errors: [{ line: e.lines ?? 1, message: `CSV không đọc được: ${(e.message ?? '').slice(0, 200)}` }] };
  }
  const header = csvText.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0]!.split(',').map((h) => h.trim().toLowerCase());
  const missing = OFFICER_CSV_COLUMNS.filter((c) => c !== 'phone' && !header.includes(c));
  if (missing.length) return { ok: false, errors: [{ line: 1, message: `thiếu cột: ${missing.join(', ')}` }] };
  if (!units.loaded) progress?.('Cảnh báo: chưa nạp bản đồ hành chính, chỉ kiểm tra mã xã theo định dạng.');

  const valid: ValidRow[] = [];
  const seen = new Map<string, number>();
  records.forEach(({ record, info }, i) => {
    const line = info.lines;
    if ((i + 1) % PROGRESS_EVERY === 0) progress?.(`Đã kiểm tra ${i + 1}/${records.length} dòng…`);
    const parsed = rowSchema().safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push({ line, message: issue.message });
      return;
    }
    const r = parsed.data;
    let provinceCode = '';
    if (r.commune_code.length === 2) {
      if (r.role !== 'supervisor') {
        errors.push({ line, message: `mã tỉnh ${r.commune_code} chỉ dùng cho role supervisor` });
        return;
      }
      if (units.loaded && !units.province(r.commune_code)) {
        errors.push({ line, message: `không có tỉnh/thành phố mã ${r.commune_code}` });
        return;
      }
      provinceCode = r.commune_code;
    } else if (units.loaded) {
      const c = units.commune(r.commune_code);
      if (!c) {
        errors.push({ line, message: `không có xã/phường mã ${r.commune_code} trong bản đồ hiện hành` });
        return;
      }
      provinceCode = c.provinceCode;
    }
    let phone: string | null = null;
    if (r.phone) {
      phone = normalizeVietnamesePhone(r.phone);
      if (!phone) {
        errors.push({ line, message: `số điện thoại không hợp lệ: ${r.phone.slice(0, 20)}` });
        return;
      }
    }
    const identity = `${r.channel}:${r.channel_user_id}:${r.commune_code}`;
    const first = seen.get(identity);
    if (first !== undefined) {
      errors.push({ line, message: `trùng với dòng ${first} (cùng kênh, tài khoản và mã xã)` });
      return;
    }
    seen.set(identity, line);
    valid.push({
      communeCode: r.commune_code,
      provinceCode,
      name: r.name,
      role: r.role,
      channel: r.channel,
      channelUserId: r.channel_user_id,
      phone,
    });
  });
  if (records.length === 0) errors.push({ line: 1, message: 'tệp không có dòng dữ liệu nào' });
  if (errors.length) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };

  // One transaction: either every row is written or none is.
  return withTransaction(db, async (tx) => {
    let imported = 0;
    let updated = 0;
    for (const [i, r] of valid.entries()) {
      const [existing] = await tx
        .select({ id: officers.id })
        .from(officers)
        .where(and(eq(officers.channel, r.channel), eq(officers.channelUserId, r.channelUserId), eq(officers.communeCode, r.communeCode)))
        .limit(1);
      if (existing) {
        await tx
          .update(officers)
          .set({ name: r.name, role: r.role, provinceCode: r.provinceCode, phone: r.phone, active: true })
          .where(eq(officers.id, existing.id));
        updated++;
      } else {
        await tx.insert(officers).values({ ...r, active: true, createdAt: at });
        imported++;
      }
      if ((i + 1) % PROGRESS_EVERY === 0) progress?.(`Đã ghi ${i + 1}/${valid.length} cán bộ…`);
    }
    let rerouted = 0;
    if (notices) {
      for (const commune of new Set(valid.map((r) => r.communeCode))) {
        const r = await rerouteOpenCases(tx, commune, at, notices.tz, 'import');
        await enqueue(tx, notices.sealer, r.messages, at);
        rerouted += r.cases.length;
      }
    }
    return { ok: true as const, imported, updated, ...(rerouted ? { rerouted } : {}) };
  });
}

export interface Invite {
  code: string;
  communeCode: string;
  role: 'officer' | 'supervisor';
}

const DAY_MS = 24 * 3_600_000;

/** When an invite made at `createdAt` stops working (INVITE_TTL_DAYS). */
export function inviteExpiresAt(createdAt: Date, ttlDays: number): Date {
  return new Date(createdAt.getTime() + ttlDays * DAY_MS);
}

/** Invites made after this still work at `at`. */
export function invitesWorkingSince(at: Date, ttlDays: number): Date {
  return new Date(at.getTime() - ttlDays * DAY_MS);
}

/** A one-time code an officer sends as `/dangky CODE`; printed as XXXX-XXXX. */
export async function createInvite(db: Db, communeCode: string, role: 'officer' | 'supervisor', at: Date): Promise<Invite> {
  for (;;) {
    const code = `${randomChars(4)}-${randomChars(4)}`;
    const rows = await db.insert(invites).values({ code, communeCode, role, createdAt: at }).onConflictDoNothing().returning();
    if (rows.length) return { code, communeCode, role };
  }
}

/** An invite as stored, for whoever may withdraw it. */
export async function findInvite(db: Db, code: string) {
  const [row] = await db.select().from(invites).where(eq(invites.code, code)).limit(1);
  return row;
}

/**
 * Withdraws an unused invite: `/dangky` with it then fails like any wrong code. Says why when it
 * cannot ('unknown', 'used', 'revoked' already).
 */
export async function revokeInvite(db: Db, code: string, at: Date): Promise<'revoked' | 'unknown' | 'used' | 'already'> {
  const rows = await db
    .update(invites)
    .set({ revokedAt: at })
    .where(and(eq(invites.code, code), isNull(invites.usedAt), isNull(invites.revokedAt)))
    .returning({ code: invites.code });
  if (rows.length) return 'revoked';
  const row = await findInvite(db, code);
  return !row ? 'unknown' : row.usedAt ? 'used' : 'already';
}

/** Demo officers on the `cli` channel, so `chat --jsonl` shows a case reaching an officer. Idempotent. */
export const DEMO_OFFICERS = [
  { channelUserId: 'officer-ba-dinh', communeCode: '00004', provinceCode: '01', name: 'Cán bộ BVTE phường Ba Đình (demo)', role: 'officer' },
  { channelUserId: 'officer-ngoc-ha', communeCode: '00008', provinceCode: '01', name: 'Cán bộ BVTE phường Ngọc Hà (demo)', role: 'officer' },
  { channelUserId: 'officer-phan-rang', communeCode: '22759', provinceCode: '56', name: 'Cán bộ BVTE phường Phan Rang (demo)', role: 'officer' },
  { channelUserId: 'supervisor-ha-noi', communeCode: '01', provinceCode: '01', name: 'Phụ trách BVTE Hà Nội (demo)', role: 'supervisor' },
  { channelUserId: 'supervisor-khanh-hoa', communeCode: '56', provinceCode: '56', name: 'Phụ trách BVTE Khánh Hoà (demo)', role: 'supervisor' },
] as const;

export async function seedDemoDirectory(db: Db, at: Date): Promise<void> {
  for (const o of DEMO_OFFICERS) {
    await db
      .insert(officers)
      .values({ ...o, channel: 'cli', phone: null, active: true, createdAt: at })
      .onConflictDoNothing({ target: [officers.channel, officers.channelUserId, officers.communeCode] });
  }
}

/**
 * DEMO_DATA=false: the seeded demo officers (the cli directory above and the web chat's demo officer)
 * are made inactive, so nothing reaches them and their logins stop. Idempotent.
 */
export async function retireDemoOfficers(db: Db): Promise<number> {
  const identities = [
    ...DEMO_OFFICERS.map((o) => ['cli', o.channelUserId] as const),
    [WEB_DEMO_OFFICER.channel, WEB_DEMO_OFFICER.channelUserId] as const,
  ];
  let retired = 0;
  for (const [channel, userId] of identities) {
    const rows = await db
      .update(officers)
      .set({ active: false })
      .where(and(eq(officers.channel, channel), eq(officers.channelUserId, userId), eq(officers.active, true)))
      .returning({ id: officers.id });
    retired += rows.length;
  }
  // The web chat's per-visitor demo officers (channels/web/demo.ts `pairedDemoOfficer`).
  const paired = await db
    .update(officers)
    .set({ active: false })
    .where(and(eq(officers.channel, 'web'), like(officers.channelUserId, 'demo-officer-%'), eq(officers.active, true)))
    .returning({ id: officers.id });
  return retired + paired.length;
}

export async function countOfficers(db: Db): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)` }).from(officers).where(eq(officers.active, true));
  return Number(r?.n ?? 0);
}

