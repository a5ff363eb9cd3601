// The retention step of the tick: personal data kept no longer than it is needed. A report draft
// left for DRAFT_RETENTION_DAYS is deleted (the person starts again from the menu); a sent message's
// body is dropped SENT_RETENTION_DAYS after it was sent, and its row stays as 'archived' (its times
// to the day) so a dedupe key still works and the counts still add up; the web chat's own lines go at
// the same age.
// Filed cases are kept: how long a commune must keep them is not a rule we have verified.
// A citizen who filed nothing and has not written for SENT_RETENTION_DAYS is forgotten (their users
// row and empty state row: a chat id kept for nothing); rate-limit windows over a day old are dropped.
// Whether a citizen filed a case is known only with DATA_KEY (a case holds its reporter's tag, never
// the user id): idle citizens are read in id order from a cursor, their tags computed, and those
// with a case kept.
import { and, eq, gt, inArray, isNotNull, isNull, lt, notExists, or, sql } from 'drizzle-orm';
import type { Db } from '../db/db';
import { cases, conversationState, meta, outbox, rateLimits, users, webChatLines } from '../db/schema';
import type { Sealer } from '../ground/crypto';
import { reporterTags } from '../cases/reporter-link';
import { writeStatement } from '../db/tx';
import type { MessageBody } from '../outbox/outbox';
import type { TickStep } from '../runtime';

const DAY_MS = 86_400_000;
/** Rows changed per statement (each one short write); a backlog clears over the following ticks. */
export const RETENTION_BATCH = 1000;

export const retentionTick: TickStep = async (rt, at) => {
  const { db, sealer, config } = rt.core;
  const draftCutoff = new Date(at.getTime() - config.DRAFT_RETENTION_DAYS * DAY_MS);
  const sentCutoff = new Date(at.getTime() - config.SENT_RETENTION_DAYS * DAY_MS);

  const staleDrafts = db
    .select({ userId: conversationState.userId })
    .from(conversationState)
    .where(and(isNotNull(conversationState.dataEnc), lt(conversationState.updatedAt, draftCutoff)))
    .limit(RETENTION_BATCH);
  const drafts = await writeStatement(db, (w) =>
    w
      .update(conversationState)
      .set({ step: null, dataEnc: null, updatedAt: at })
      .where(inArray(conversationState.userId, staleDrafts))
      .returning({ userId: conversationState.userId }),
  );

  // One sealed empty body for every row of the batch: a copy of a ciphertext, not a second use of its IV.
  const empty = await sealer.seal(JSON.stringify({ text: '', buttons: [], state: null } satisfies MessageBody));
  // Sent rows are found by (status, next_attempt_at), the outbox_due index; a sent row's
  // next_attempt_at is the end of the lease it was sent under, a minute after the send at most.
  const oldSent = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.status, 'sent'), lt(outbox.nextAttemptAt, sentCutoff)))
    .limit(RETENTION_BATCH);
  const bodies = await writeStatement(db, (w) =>
    w
      .update(outbox)
      .set({
        status: 'archived',
        bodyEnc: empty,
        // Its times only to the day from now on: a reply's exact time is the time of the case the
        // recipient filed or asked about, and the row keeps their chat id.
        createdAt: sql`${outbox.createdAt} - ${outbox.createdAt} % ${DAY_MS}`,
        sentAt: sql`${outbox.sentAt} - ${outbox.sentAt} % ${DAY_MS}`,
        nextAttemptAt: sql`${outbox.nextAttemptAt} - ${outbox.nextAttemptAt} % ${DAY_MS}`,
      })
      .where(inArray(outbox.id, oldSent))
      .returning({ id: outbox.id }),
  );

  const oldLines = db.select({ id: webChatLines.id }).from(webChatLines).where(lt(webChatLines.at, sentCutoff)).limit(RETENTION_BATCH);
  const lines = await writeStatement(db, (w) => w.delete(webChatLines).where(inArray(webChatLines.id, oldLines)).returning({ id: webChatLines.id }));

  // Every limit counts in windows of an hour at most: a day-old window counts for nothing.
  const oldWindows = db.select({ key: rateLimits.key }).from(rateLimits).where(lt(rateLimits.windowStart, new Date(at.getTime() - DAY_MS))).limit(RETENTION_BATCH);
  const windows = await writeStatement(db, (w) => w.delete(rateLimits).where(inArray(rateLimits.key, oldWindows)).returning({ key: rateLimits.key }));

  const forgotten = await forgetIdleCitizens(db, sealer, sentCutoff, at);
  if (forgotten.length) {
    const ids = forgotten.map((u) => u.id);
    await writeStatement(db, (w) => w.delete(conversationState).where(and(inArray(conversationState.userId, ids), isNull(conversationState.step))));
  }

  return { draftsDeleted: drafts.length, bodiesDropped: bodies.length, webLinesDeleted: lines.length, rateWindowsDeleted: windows.length, usersForgotten: forgotten.length };
};

/** Where the last pass over idle citizens stopped (a user id; 0 starts again from the first). */
export const IDLE_CURSOR_META = 'retention_idle_cursor';

/**
 * Citizens only (an officer's row carries their role), idle since `cutoff`, with no draft and no case.
 * Up to RETENTION_BATCH candidates a tick, after the cursor, so reporters (kept) never block the rest.
 */
async function forgetIdleCitizens(db: Db, sealer: Sealer, cutoff: Date, at: Date): Promise<Array<{ id: number }>> {
  const idleNow = (w: Db) =>
    and(
      eq(users.role, 'citizen'),
      lt(sql`coalesce(${users.lastSeenAt}, ${users.createdAt})`, cutoff.getTime()),
      notExists(
        w
          .select({ one: sql`1` })
          .from(conversationState)
          .where(and(eq(conversationState.userId, users.id), or(isNotNull(conversationState.step), isNotNull(conversationState.dataEnc)))),
      ),
    );
  const [cursor] = await db.select({ value: meta.value }).from(meta).where(eq(meta.key, IDLE_CURSOR_META)).limit(1);
  const after = Number(cursor?.value ?? 0) || 0;
  const idle = await db.select({ id: users.id }).from(users).where(and(gt(users.id, after), idleNow(db))).orderBy(users.id).limit(RETENTION_BATCH);
  const next = idle.length < RETENTION_BATCH ? 0 : idle.at(-1)!.id;
  if (next !== after) {
    await writeStatement(db, (w) =>
      w.insert(meta).values({ key: IDLE_CURSOR_META, value: String(next), updatedAt: at }).onConflictDoUpdate({ target: meta.key, set: { value: String(next), updatedAt: at } }),
    );
  }
  if (!idle.length) return [];
  const tagsOf = await Promise.all(idle.map((u) => reporterTags(sealer, u.id)));
  const filed = new Set<string | null>();
  for (let i = 0; i < tagsOf.length; i += 400) {
    const part = tagsOf.slice(i, i + 400).flat();
    for (const r of await db.select({ tag: cases.reporterTag }).from(cases).where(inArray(cases.reporterTag, part))) filed.add(r.tag);
  }
  const ids = idle.filter((_, i) => !tagsOf[i]!.some((t) => filed.has(t))).map((u) => u.id);
  if (!ids.length) return [];
  // Checked again as it deletes: someone who wrote meanwhile is no longer idle.
  return writeStatement(db, (w) => w.delete(users).where(and(inArray(users.id, ids), idleNow(w))).returning({ id: users.id }));
}
