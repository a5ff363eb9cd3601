// Sends outbox messages through the Telegram Bot API, with inline keyboards for buttons.
import { GrammyError, HttpError, type Api } from 'grammy';
import type { InlineKeyboardButton } from 'grammy/types';
import type { Button } from '../../core/types';
import type { Logger } from '../../ground/log';
import type { Sender, SendResult } from '../../outbox/outbox';

const TELEGRAM_MAX = 4096;
const TELEGRAM_CAPTION_MAX = 1024;

export function createTelegramSender(api: Api, log: Logger): Sender {
  return {
    async send(recipient, body, meta): Promise<SendResult> {
      const parts = splitText(body.text, TELEGRAM_MAX - 96);
      try {
        if (body.photo) {
          // A photo of a case, for its officer: the text is a short caption.
          await api.sendPhoto(recipient, body.photo, { caption: body.text.slice(0, TELEGRAM_CAPTION_MAX) });
          return { ok: true };
        }
        for (const [i, part] of parts.entries()) {
          const last = i === parts.length - 1;
          await api.sendMessage(recipient, part, last && body.buttons.length ? { reply_markup: { inline_keyboard: keyboard(body.buttons) } } : {});
        }
        return { ok: true };
      } catch (err) {
        if (err instanceof GrammyError) {
          log.warn('telegram.send_failed', { outbox: meta.id, code: err.error_code });
          if (err.error_code === 429) {
            return { ok: false, reason: `429 ${err.description}`, retryAfterMs: (err.parameters.retry_after ?? 30) * 1000 };
          }
          // Blocked by the user, chat not found, bad request: retrying cannot help.
          if (err.error_code === 403 || err.error_code === 400) return { ok: false, reason: `${err.error_code} ${err.description}`, permanent: true };
          return { ok: false, reason: `${err.error_code} ${err.description}` };
        }
        if (err instanceof HttpError) {
          log.warn('telegram.network_error', { outbox: meta.id });
          return { ok: false, reason: 'network error' };
        }
        return { ok: false, reason: err instanceof Error ? err.message : String(err) };
      }
    },
  };
}

/** Telegram's limit on callback_data is 1–64 bytes (not characters). */
export const CALLBACK_DATA_MAX_BYTES = 64;

/** The longest prefix of `s` that is at most `max` UTF-8 bytes, never splitting a character. */
export function cutToBytes(s: string, max: number): string {
  const encoder = new TextEncoder();
  if (encoder.encode(s).length <= max) return s;
  let out = '';
  let used = 0;
  for (const ch of s) {
    const n = encoder.encode(ch).length;
    if (used + n > max) break;
    out += ch;
    used += n;
  }
  return out;
}

/** Two buttons a row for short labels, one a row for long ones: easy to tap on a small phone. */
export function keyboard(buttons: Button[]): InlineKeyboardButton[][] {
  const rows: InlineKeyboardButton[][] = [];
  let row: InlineKeyboardButton[] = [];
  for (const b of buttons) {
    const key = { text: b.label, callback_data: cutToBytes(b.payload, CALLBACK_DATA_MAX_BYTES) };
    if (b.label.length > 18) {
      if (row.length) rows.push(row);
      rows.push([key]);
      row = [];
      continue;
    }
    row.push(key);
    if (row.length === 2) {
      rows.push(row);
      row = [];
    }
  }
  if (row.length) rows.push(row);
  return rows;
}

/** Splits on paragraph boundaries so no part exceeds `max` characters. */
export function splitText(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const parts: string[] = [];
  let current = '';
  for (const para of text.split(/\n\n/)) {
    const candidate = current ? `${current}\n\n${para}` : para;
    if (candidate.length <= max) {
      current = candidate;
      continue;
    }
    if (current) parts.push(current);
    let rest = para;
    while (rest.length > max) {
      parts.push(rest.slice(0, max));
      rest = rest.slice(max);
    }
    current = rest;
  }
  if (current) parts.push(current);
  return parts;
}
