// Numbered text menus: Zalo /cs buttons are unverified, so buttons are sent as "1. …", "2. …" and
// the user's answer "2" (also "số 2", "2.", "#2") is mapped back to the second payload.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/db';
import { zaloMenus } from '../../db/schema';
import { serialised } from '../../db/tx';
import type { Button } from '../../core/types';
import { answerHint } from './messages';

export function renderNumberedMenu(text: string, buttons: Button[]): string {
  if (buttons.length === 0) return text;
  const lines = buttons.map((b, i) => `${i + 1}. ${b.label}`);
  return `${text}\n\n${lines.join('\n')}\n\n${answerHint(buttons.length)}`;
}

/** The number a short answer stands for, or null if the text is anything more than a number. */
export function parseMenuNumber(text: string): number | null {
  const t = text.normalize('NFC').trim().toLowerCase();
  const m = /^(?:(?:s[o\u00f4\u1ed1\u1ed3\u1ed5\u1ed7\u1ed9]|#)\s*)?(\d{1,2})\s*[.)]?$/u /* so, sô, số, sồ, sổ, sỗ, sộ */.exec(t);
  if (!m) return null;
  const n = Number(m[1]);
  return n >= 1 ? n : null;
}

/** The payload for an answer within `payloads`, or null (then the text goes to the core as text). */
export function menuAnswer(text: string, payloads: readonly string[]): string | null {
  const n = parseMenuNumber(text);
  if (n === null || n > payloads.length) return null;
  return payloads[n - 1] ?? null;
}

export async function loadMenu(db: Db, userId: string): Promise<string[]> {
  const [row] = await db.select().from(zaloMenus).where(eq(zaloMenus.userId, userId)).limit(1);
  if (!row) return [];
  try {
    const parsed = JSON.parse(row.payloads) as unknown;
    return Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    return [];
  }
}

/** Replaces the user's current menu: the last menu they were sent is the one their numbers refer to. */
export async function saveMenu(db: Db, userId: string, buttons: Button[], outboxId: number | null, at: Date): Promise<void> {
  const payloads = JSON.stringify(buttons.map((b) => b.payload));
  await serialised(() =>
    db
      .insert(zaloMenus)
      .values({ userId, payloads, outboxId, updatedAt: at })
      .onConflictDoUpdate({ target: zaloMenus.userId, set: { payloads, outboxId, updatedAt: at } }),
  );
}
