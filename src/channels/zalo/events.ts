// Zalo OA webhook events: zod schemas (a union on event_name), the inbox key of an event, and
// the mapping of a user event to the core's Incoming.
import * as z from 'zod/mini';
import { lazySchema } from '../../ground/zod-mini';
import type { Incoming, MediaKind } from '../../core/types';

/** The event schemas, built on the first event (see ground/zod-mini.ts): most isolates never see one. */
function buildSchemas() {
  /** Zalo ids are long decimal strings; a number would already have lost precision, so refuse it. */
  const zaloId = z.string().check(z.trim(), z.minLength(1), z.maxLength(64));
  const who = z.looseObject({ id: zaloId });
  /** Milliseconds since the epoch, sent as a string (sometimes a number). */
  const timestamp = z.pipe(
    z.union([z.string().check(z.trim(), z.regex(/^\d{1,16}$/)), z.number().check(z.int(), z.nonnegative())]),
    z.transform(String),
  );
  const coordinate = z.pipe(z.union([z.number(), z.pipe(z.string().check(z.trim(), z.minLength(1)), z.transform(Number))]), z.number());
  const optionalText = z.optional(z.string());

  const base = {
    app_id: z.optional(z.pipe(z.union([z.string(), z.number()]), z.transform(String))),
    timestamp,
    user_id_by_app: optionalText,
  };

  const userMessage = {
    ...base,
    sender: who,
    recipient: z.optional(who),
  };

  const messageBase = { msg_id: zaloId, text: z.optional(z.string().check(z.maxLength(10_000))) };

  const userSendTextSchema = z.looseObject({
    ...userMessage,
    event_name: z.literal('user_send_text'),
    message: z.looseObject({ ...messageBase, text: z.string().check(z.maxLength(10_000)) }),
  });

  const userSendImageSchema = z.looseObject({
    ...userMessage,
    event_name: z.literal('user_send_image'),
    message: z.looseObject({
      ...messageBase,
      attachments: z.optional(
        z.array(
          z.looseObject({
            type: optionalText,
            payload: z.optional(z.looseObject({ url: optionalText, thumbnail: optionalText })),
          }),
        ),
      ),
    }),
  });

  const userSendLocationSchema = z.looseObject({
    ...userMessage,
    event_name: z.literal('user_send_location'),
    message: z.looseObject({
      ...messageBase,
      attachments: z
        .array(
          z.looseObject({
            type: optionalText,
            payload: z.looseObject({
              coordinates: z.looseObject({
                latitude: z.pipe(coordinate, z.number().check(z.minimum(-90), z.maximum(90))),
                longitude: z.pipe(coordinate, z.number().check(z.minimum(-180), z.maximum(180))),
              }),
            }),
          }),
        )
        .check(z.minLength(1)),
    }),
  });

  /** follow/unfollow name the user as `follower` (older payloads as `sender`) and carry no msg_id. */
  const followBase = { ...base, follower: z.optional(who), sender: z.optional(who), oa_id: optionalText };
  const followSchema = z.looseObject({ ...followBase, event_name: z.literal('follow') });
  const unfollowSchema = z.looseObject({ ...followBase, event_name: z.literal('unfollow') });

  const knownEventSchema = z.discriminatedUnion('event_name', [
    userSendTextSchema,
    userSendImageSchema,
    userSendLocationSchema,
    followSchema,
    unfollowSchema,
  ]);
  /**
   * Other things a user sends (stickers, voice notes, files, videos, links, GIFs, contact cards): the bot
   * cannot read them, but answers, so a reporter sending a voice note as evidence is not met by silence.
   */
  const userSendMediaSchema = z.looseObject({
    ...userMessage,
    event_name: z.string().check(z.regex(/^user_send_[a-z_]{1,40}$/)),
    message: z.looseObject({ ...messageBase, text: z.optional(z.string().check(z.maxLength(10_000))) }),
  });
  /** Any other event (stickers, files, seen receipts, oa_send_* echoes…): only its name is used. */
  const otherEventSchema = z.looseObject({ event_name: z.string().check(z.minLength(1), z.maxLength(100)), timestamp: z.optional(timestamp) });
  return { knownEventSchema, userSendMediaSchema, otherEventSchema };
}

const schemas = lazySchema(buildSchemas);

/** Stored under one name, `user_send_media`, with the kind it was sent as. */
export interface ZaloMediaEvent {
  event_name: 'user_send_media';
  media: MediaKind;
  timestamp: string;
  sender: { id: string };
  message: { msg_id: string; text?: string };
}

const MEDIA_OF: Record<string, MediaKind> = {
  user_send_sticker: 'sticker',
  user_send_audio: 'voice',
  user_send_voice: 'voice',
  user_send_video: 'video',
  user_send_file: 'file',
  user_send_link: 'link',
  user_send_gif: 'gif',
  user_send_business_card: 'card',
};

export type KnownZaloEvent = z.infer<ReturnType<typeof buildSchemas>['knownEventSchema']> | ZaloMediaEvent;

export const KNOWN_EVENTS: ReadonlySet<string> = new Set(['user_send_text', 'user_send_image', 'user_send_location', 'follow', 'unfollow']);

export type ParsedZaloEvent =
  | { kind: 'known'; event: KnownZaloEvent }
  | { kind: 'other'; eventName: string; echo: boolean };

/** Validates a decoded webhook body. A known event with a wrong shape is an error (400), not "other". */
export function parseZaloEvent(json: unknown): { ok: true; value: ParsedZaloEvent } | { ok: false; error: string } {
  const { otherEventSchema, userSendMediaSchema, knownEventSchema } = schemas();
  const head = otherEventSchema.safeParse(json);
  if (!head.success) return { ok: false, error: 'missing event_name' };
  const name = head.data.event_name;
  if (!KNOWN_EVENTS.has(name)) {
    const media = name.startsWith('user_send_') ? userSendMediaSchema.safeParse(json) : null;
    if (media?.success) {
      const { timestamp: ts, sender, message } = media.data;
      const event: ZaloMediaEvent = { event_name: 'user_send_media', media: MEDIA_OF[name] ?? 'other', timestamp: ts, sender: { id: sender.id }, message: { msg_id: message.msg_id, text: message.text } };
      return { ok: true, value: { kind: 'known', event } };
    }
    return { ok: true, value: { kind: 'other', eventName: name, echo: name.startsWith('oa_send_') } };
  }
  const known = knownEventSchema.safeParse(name === 'user_send_location' ? withOfficialCoordinates(json) : json);
  if (!known.success) {
    const where = known.error.issues.map((i) => i.path.join('.')).filter(Boolean).slice(0, 3).join(', ');
    return { ok: false, error: `invalid ${name}${where ? ` (${where})` : ''}` };
  }
  if ((name === 'follow' || name === 'unfollow') && !followerId(known.data)) return { ok: false, error: `invalid ${name} (follower.id)` };
  return { ok: true, value: { kind: 'known', event: known.data } };
}

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `{latitude, longitude}`, or the short names `lat` and `long`/`lng`, as Zalo's documented `coordinates`. */
function coordinatesIn(v: unknown): Loose | null {
  if (!isObject(v)) return null;
  const latitude = v.latitude ?? v.lat;
  const longitude = v.longitude ?? v.long ?? v.lng;
  return latitude !== undefined && longitude !== undefined ? { latitude, longitude } : null;
}

/**
 * Zalo documents a shared location as `message.attachments[0].payload.coordinates`. Two other shapes
 * appear in unofficial SDKs' documentation: the coordinates straight in the attachment's `payload`,
 * and a `message.location` object (with `lat`/`long` or the full names). Either is rewritten into the
 * documented shape before validation, so the same range checks apply; anything else stays as it is
 * (and is refused).
 */
function withOfficialCoordinates(json: unknown): unknown {
  if (!isObject(json) || !isObject(json.message)) return json;
  const message = json.message;
  const attachments = Array.isArray(message.attachments) ? message.attachments : [];
  const first: unknown = attachments[0];
  if (isObject(first) && isObject(first.payload) && first.payload.coordinates !== undefined) return json;
  const found =
    attachments.map((a: unknown) => (isObject(a) ? coordinatesIn(a.payload) : null)).find((c) => c !== null) ??
    coordinatesIn(message.location);
  if (!found) return json;
  return { ...json, message: { ...message, attachments: [{ type: 'location', payload: { coordinates: found } }] } };
}

/** The Zalo user an event is about (the OA-scoped id that /cs sends to). */
export function zaloUserId(event: KnownZaloEvent): string {
  return followerId(event) ?? '';
}

function followerId(event: KnownZaloEvent): string | undefined {
  if (event.event_name === 'follow' || event.event_name === 'unfollow') return event.follower?.id ?? event.sender?.id;
  return event.sender.id;
}

/** The inbox key: `zalo:<msg_id>`; events without a msg_id get one derived from name, user and time. */
export function zaloEventKey(event: KnownZaloEvent): string {
  if (event.event_name !== 'follow' && event.event_name !== 'unfollow') return `zalo:${event.message.msg_id}`;
  return `zalo:${event.event_name}:${zaloUserId(event)}:${event.timestamp}`;
}

/** The event's time; Zalo sends ms since the epoch. Falls back to `received` if it is unusable. */
export function zaloEventTime(event: { timestamp?: string }, received: Date): Date {
  const ms = Number(event.timestamp);
  return Number.isFinite(ms) && ms > 0 ? new Date(ms) : received;
}

/**
 * Maps a user event to the core's Incoming. `menuAnswer` turns a bare number into the payload of
 * the user's current numbered menu (see menu.ts). Returns null for events the core does not handle.
 */
export function toIncoming(
  event: KnownZaloEvent,
  at: Date,
  menuAnswer: (text: string) => string | null,
): Incoming | null {
  const base = { channel: 'zalo' as const, userId: zaloUserId(event), at, dedupeKey: zaloEventKey(event) };
  switch (event.event_name) {
    case 'user_send_text': {
      const payload = menuAnswer(event.message.text);
      return payload !== null ? { ...base, button: payload } : { ...base, text: event.message.text };
    }
    case 'user_send_location': {
      const c = event.message.attachments[0]!.payload.coordinates;
      return { ...base, location: { lat: c.latitude, lon: c.longitude } };
    }
    case 'user_send_image': {
      const url = event.message.attachments?.find((a) => a.payload?.url)?.payload?.url;
      return { ...base, text: event.message.text ?? '', ...(url ? { photo: { fileId: url } } : {}) };
    }
    case 'follow':
      // A new follower gets the welcome, as if they had typed /start.
      return { ...base, text: '/start' };
    case 'unfollow':
      return null;
    case 'user_send_media':
      return { ...base, text: event.message.text?.trim() ?? '', media: event.media };
  }
}
