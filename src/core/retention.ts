// The retention step of the tick: personal data kept no longer than it is needed. A report draft
// left for DRAFT_RETENTION_DAYS is deleted (the person starts again from the menu); a sent message's
// body is dropped SENT_RETENTION_DAYS after it was sent, and its row stays as 'archived' so a
// dedupe key still works and the counts still add up; the web chat's own lines go at the same age.
// Filed cases are kept: how long a commune must keep them is not a rule we have verified.
// A citizen who filed nothing and has not written for SENT_RETENTION_DAYS is forgotten (their users
// row and empty state row: a chat id kept for nothing); rate-limit windows over a day old are dropped.
import { and, eq, inArray, isNotNull, isNull, lt, notExists, or, sql } from 'drizzle-orm';
import { cases, conversationState, outbox, rateLimits, users, webChatLines } from '../db/schema';
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
    w.update(outbox).set({ status: 'archived', bodyEnc: empty }).where(inArray(outbox.id, oldSent)).returning({ id: outbox.id }),
  );

  const oldLines = db.select({ id: webChatLines.id }).from(webChatLines).where(lt(webChatLines.at, sentCutoff)).limit(RETENTION_BATCH);
  const lines = await writeStatement(db, (w) => w.delete(webChatLines).where(inArray(webChatLines.id, oldLines)).returning({ id: webChatLines.id }));

  // Every limit counts in windows of an hour at most: a day-old window counts for nothing.
  const oldWindows = db.select({ key: rateLimits.key }).from(rateLimits).where(lt(rateLimits.windowStart, new Date(at.getTime() - DAY_MS))).limit(RETENTION_BATCH);
  const windows = await writeStatement(db, (w) => w.delete(rateLimits).where(inArray(rateLimits.key, oldWindows)).returning({ key: rateLimits.key }));

  // Citizens only (an officer's row carries their role), with no case and no draft left.
  const idle = db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.role, 'citizen'),
        lt(sql`coalesce(${users.lastSeenAt}, ${users.createdAt})`, sentCutoff.getTime()),
        notExists(db.select({ one: sql`1` }).from(cases).where(eq(cases.reporterUserId, users.id))),
        notExists(
          db
            .select({ one: sql`1` })
            .from(conversationState)
            .where(and(eq(conversationState.userId, users.id), or(isNotNull(conversationState.step), isNotNull(conversationState.dataEnc)))),
        ),
      ),
    )
    .limit(RETENTION_BATCH);
  const forgotten = await writeStatement(db, (w) => w.delete(users).where(inArray(users.id, idle)).returning({ id: users.id }));
  if (forgotten.length) {
    const ids = forgotten.map((u) => u.id);
    await writeStatement(db, (w) => w.delete(conversationState).where(and(inArray(conversationState.userId, ids), isNull(conversationState.step))));
  }

  return { draftsDeleted: drafts.length, bodiesDropped: bodies.length, webLinesDeleted: lines.length, rateWindowsDeleted: windows.length, usersForgotten: forgotten.length };
};
