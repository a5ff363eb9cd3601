// Property tests over the webhooks: random JSON, malformed and oversized bodies, Unicode garbage and
// wrong types never cause a 5xx or a half-written case, on POST /telegram and POST /zalo.
import fc from 'fast-check';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { zaloRoutes } from '../../src/channels/zalo';
import { createFakeZalo, signedWebhook, userSendLocation, userSendText, ZALO_APP_ID } from '../support/fake-zalo';
import { callbackUpdate, createTelegramTestApp, fakeBotApi, textUpdate } from '../support/telegram';
import { createZaloTestApp } from '../channels/zalo/harness';
import { caseProblems, fuzzOptions } from './support';

const telegramApi = fakeBotApi();
const zalo = createFakeZalo();
const server = setupServer(...telegramApi.server.listHandlers(), ...zalo.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const KIB = 1024;
/** Text as people and attackers type it: Vietnamese, emoji, control characters, lone surrogates. */
const garbage = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom('/baotin', '/start', '/status BV-7K3Q9M', 'Cứu với', '\u0000\u202e\ud800', '﷽'.repeat(50), 'a'.repeat(2001)),
);
const anyJson = fc.jsonValue({ maxDepth: 4 });
const chatId = fc.oneof(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom(1, 42, 7000));

/** Shapes close to real updates, with fields of the wrong type mixed in. */
const telegramBody = fc.oneof(
  anyJson.map((v) => JSON.stringify(v)),
  fc.string({ unit: 'binary', maxLength: 200 }), // not JSON at all
  fc.tuple(fc.integer({ min: 1, max: 1e9 }), chatId, garbage).map(([id, chat, text]) => JSON.stringify(textUpdate(id, chat, text))),
  fc.tuple(fc.integer({ min: 1, max: 1e9 }), chatId, garbage).map(([id, chat, data]) => JSON.stringify(callbackUpdate(id, chat, data))),
  fc
    .record({
      update_id: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(null)),
      message: fc.oneof(anyJson, fc.record({ message_id: anyJson, date: anyJson, chat: fc.oneof(anyJson, fc.record({ id: anyJson, type: anyJson })), text: anyJson, location: anyJson })),
      callback_query: fc.oneof(fc.constant(undefined), anyJson),
    })
    .map((v) => JSON.stringify(v)),
);

describe('POST /telegram with the right secret and a hostile body', () => {
  it('never answers 5xx and never half-writes a case', async () => {
    const t = await createTelegramTestApp();
    try {
      await fc.assert(
        fc.asyncProperty(telegramBody, async (body) => {
          const res = await t.post(body);
          expect(res.status).toBeLessThan(500);
        }),
        fuzzOptions(300),
      );
      expect(await caseProblems(t.db.client)).toEqual([]);
    } finally {
      t.cleanup();
    }
  }, 120_000);

  it('refuses any body over 64 KiB with 413, whatever it holds', async () => {
    const t = await createTelegramTestApp();
    try {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 64 * KIB + 1, max: 256 * KIB }), fc.constantFrom('x', 'ệ', '😀'), async (size, ch) => {
          const pad = ch.repeat(Math.ceil(size / new TextEncoder().encode(ch).length));
          const res = await t.post(JSON.stringify(textUpdate(1, 5, pad)));
          expect(res.status).toBe(413);
        }),
        fuzzOptions(20),
      );
      expect((await t.db.client.execute('select count(*) as n from inbox')).rows[0]!.n).toBe(0);
    } finally {
      t.cleanup();
    }
  }, 60_000);
});

describe('POST /zalo with random bodies, signed and unsigned', () => {
  it('never answers 5xx and never half-writes a case', async () => {
    const z = await createZaloTestApp(zalo);
    const app = createApp({ rt: z.rt, routes: { '/zalo': zaloRoutes(z.rt) } });
    const post = async (event: unknown, opts: { raw?: string; signature?: string | null } = {}) =>
      app.request('/zalo', await signedWebhook((event ?? {}) as object, opts));
    const zaloEvent = fc.oneof(
      fc.tuple(fc.string({ minLength: 1, maxLength: 20 }), garbage).map(([user, text]) => userSendText(user, text)),
      fc.tuple(fc.string({ minLength: 1, maxLength: 20 }), fc.oneof(fc.double(), fc.string()), fc.oneof(fc.double(), fc.string())).map(([u, a, b]) => userSendLocation(u, a as number, b as number)),
      fc.record({ app_id: fc.oneof(fc.constant(ZALO_APP_ID), fc.string()), event_name: fc.oneof(fc.constantFrom('user_send_text', 'follow', 'user_send_image', 'oa_send_text'), fc.string()), timestamp: fc.oneof(fc.string(), fc.integer()), sender: anyJson, recipient: anyJson, message: anyJson }),
      anyJson,
    );
    try {
      await fc.assert(
        fc.asyncProperty(zaloEvent, fc.constantFrom('signed', 'unsigned', 'bad-signature', 'raw-garbage'), fc.string({ unit: 'binary', maxLength: 100 }), async (event, how, junk) => {
          const res =
            how === 'signed'
              ? await post(event)
              : how === 'unsigned'
                ? await post(event, { signature: null })
                : how === 'bad-signature'
                  ? await post(event, { signature: `mac=${'0'.repeat(64)}` })
                  : await post({ timestamp: '1' }, { raw: junk });
          expect(res.status).toBeLessThan(500);
          if (how !== 'signed' && how !== 'raw-garbage') expect(res.status).toBe(401);
        }),
        fuzzOptions(300),
      );
      const big = await post(userSendText('9', 'x'.repeat(70 * KIB)));
      expect(big.status).toBe(413);
      expect(await caseProblems(z.db.client)).toEqual([]);
    } finally {
      z.cleanup();
    }
  }, 120_000);
});
