// Both sides of a web conversation: the visitor's lines (sealed, ours) and the bot's outbox rows (sealed, core's).
import { and, desc, eq, ne } from 'drizzle-orm';
import type { Button, Call } from '../../core/types';
import type { Db } from '../../db/db';
import { outbox, webChatLines } from '../../db/schema';
import type { MessageBody } from '../../outbox/outbox';
import type { Sealer } from '../../ground/crypto';

export const TRANSCRIPT_LIMIT = 60;

export interface TranscriptItem {
  from: 'visitor' | 'bot';
  at: Date;
  text: string;
  buttons: Button[];
  /** Outbox kind for the bot's messages (reply, case, escalation, reminder, status). */
  kind: string;
  pending: boolean;
  /** For the bot's messages: the step the bot then waited for (null: none). */
  state: string | null;
  /** One-tap calls and the tone of a crisis reply (see ReplyExtras). */
  calls?: Call[];
  tone?: 'urgent' | 'disclosure';
}

/** Stores what the visitor sent (their words, or the label of the button they pressed). */
export async function recordVisitorLine(db: Db, sealer: Sealer, session: string, text: string, at: Date): Promise<void> {
  await db.insert(webChatLines).values({ session, at, bodyEnc: await sealer.seal(text) });
}

/** The latest messages of one web identity, oldest first; a visitor's line sorts before the replies it caused. */
export async function loadTranscript(db: Db, sealer: Sealer, userId: string, limit = TRANSCRIPT_LIMIT): Promise<TranscriptItem[]> {
  const [lines, rows] = await Promise.all([
    db.select().from(webChatLines).where(eq(webChatLines.session, userId)).orderBy(desc(webChatLines.at), desc(webChatLines.id)).limit(limit),
    db
      .select()
      .from(outbox)
      .where(and(eq(outbox.channel, 'web'), eq(outbox.recipient, userId), ne(outbox.status, 'archived'))) // archived: body dropped (core/retention.ts)
      .orderBy(desc(outbox.createdAt), desc(outbox.id))
      .limit(limit),
  ]);
  const items: Array<TranscriptItem & { order: number }> = [];
  for (const l of lines) {
    items.push({ from: 'visitor', at: l.at, text: await openOr(sealer, l.bodyEnc, ''), buttons: [], kind: 'visitor', pending: false, state: null, order: l.id });
  }
  for (const r of rows) {
    const body = await openBody(sealer, r.bodyEnc);
    items.push({
      from: 'bot',
      at: r.createdAt,
      text: body.text,
      buttons: body.buttons,
      kind: r.kind,
      pending: r.status !== 'sent',
      state: body.state ?? null,
      order: r.id,
      ...(body.calls?.length ? { calls: body.calls } : {}),
      ...(body.tone ? { tone: body.tone } : {}),
    });
  }
  items.sort((a, b) => a.at.getTime() - b.at.getTime() || (a.from === b.from ? a.order - b.order : a.from === 'visitor' ? -1 : 1));
  return items.slice(-limit).map(({ order: _order, ...item }) => item);
}

async function openOr(sealer: Sealer, sealed: string, fallback: string): Promise<string> {
  try {
    return await sealer.open(sealed);
  } catch {
    return fallback; // sealed with an older key: show nothing rather than fail the page
  }
}

async function openBody(sealer: Sealer, sealed: string): Promise<MessageBody> {
  try {
    return JSON.parse(await sealer.open(sealed)) as MessageBody;
  } catch {
    return { text: '…', buttons: [], state: null };
  }
}
