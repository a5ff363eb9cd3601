// Logs are structured JSON without personal data, and no HTTP response ever carries a stack trace.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/ground/log';
import type { Feature } from '../../src/core/context';
import { officers } from '../../src/db/schema';
import { realServices } from '../reports/support';
import { count } from './support';
import { callbackUpdate, createTelegramTestApp, fakeBotApi, locationUpdate, textUpdate } from '../support/telegram';

const api = fakeBotApi();
beforeAll(() => api.server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => api.server.close());

const DESCRIPTION = 'Bé Lan 9 tuổi ở nhà số 14 bị chú ruột đánh bằng dây điện, lưng có nhiều vết lằn.';
const PHONE = '0912 345 678';
const ADDRESS = '14 ngõ 5 Hàng Bạc, phường Hoàn Kiếm, Hà Nội';
const LAT = 21.03412;
const LON = 105.85213;
const SECRETS = [DESCRIPTION, 'chú ruột', 'dây điện', PHONE, '0912345678', '912345678', ADDRESS, 'Hàng Bạc', String(LAT), String(LON), '21.034', '105.852'];

let t: Awaited<ReturnType<typeof createTelegramTestApp>> | undefined;
afterEach(() => t?.cleanup());

function capture() {
  const lines: string[] = [];
  return { lines, log: createLogger((l) => lines.push(l), 'debug') };
}

describe('a whole report over Telegram, with a refused send and a database error on the way', () => {
  it('logs only structured JSON, and none of the description, phone, address or coordinates', async () => {
    const { lines, log } = capture();
    t = await createTelegramTestApp({ log, services: realServices() });
    await t.db.db.insert(officers).values({ communeCode: '00070', provinceCode: '01', name: 'Cán bộ Hoàn Kiếm', role: 'officer', channel: 'telegram', channelUserId: '880000070', active: true, createdAt: new Date() });
    const chat = 4242;
    const id = () => t!.nextUpdateId();
    const steps = [
      textUpdate(id(), chat, '/baotin'),
      textUpdate(id(), chat, DESCRIPTION),
      locationUpdate(id(), chat, LAT, LON),
      callbackUpdate(id(), chat, 'report:loc:no'),
      textUpdate(id(), chat, ADDRESS),
      callbackUpdate(id(), chat, 'report:age:6-10'),
      callbackUpdate(id(), chat, 'report:danger:yes'),
      textUpdate(id(), chat, PHONE),
    ];
    for (const u of steps) expect((await t.post(u)).status).toBe(200);
    api.failNextSend(502, { ok: false, error_code: 502, description: 'Bad Gateway' }); // the officer's notice waits in the outbox
    expect((await t.post(callbackUpdate(id(), chat, 'report:confirm'))).status).toBe(200);
    expect(await count(t.db.client, 'select count(*) as n from cases')).toBe(1);
    // A database failure in the middle of an update: logged as an error, answered 500 without details.
    await t.db.client.execute('drop table rate_limits');
    const broken = await t.post(textUpdate(id(), chat, `${DESCRIPTION} ${PHONE}`));
    expect(broken.status).toBe(500);
    expect(await broken.json()).toEqual({ ok: false, error: 'internal error' });

    expect(lines.length).toBeGreaterThan(0);
    const events = lines.map((l) => JSON.parse(l) as { level: string; event: string; t: string });
    for (const e of events) {
      expect(typeof e.event).toBe('string');
      expect(['debug', 'info', 'warn', 'error']).toContain(e.level);
    }
    expect(events.some((e) => e.event === 'http.error')).toBe(true);
    const all = lines.join('\n');
    for (const secret of SECRETS) expect(all).not.toContain(secret);
    expect(all).not.toMatch(/\n\s+at /); // no stack traces in logs either
  });
});

describe('an internal error inside a feature', () => {
  it('answers a plain 500 with no stack, message or path', async () => {
    const boom: Feature = {
      name: 'boom',
      onText: async () => {
        throw new TypeError(`Cannot read properties of undefined (reading 'x') near ${ADDRESS}`);
      },
    };
    const { lines, log } = capture();
    t = await createTelegramTestApp({ log, features: [boom] });
    const res = await t.post(textUpdate(t.nextUpdateId(), 77, 'con tôi hay bị đau bụng'));
    expect(res.status).toBe(500);
    const body = await res.text();
    expect(JSON.parse(body)).toEqual({ ok: false, error: 'internal error' });
    expect(body).not.toMatch(/TypeError|at .+\.ts|node_modules|Hàng Bạc/);
    expect(lines.some((l) => JSON.parse(l).event === 'http.error')).toBe(true);
  });

  it('a 404 and a 413 are JSON too, without internals', async () => {
    t = await createTelegramTestApp();
    const missing = await t.app.request('/nowhere');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ ok: false, error: 'not found' });
    const big = await t.post(JSON.stringify({ update_id: 1, pad: 'x'.repeat(70 * 1024) }));
    expect(big.status).toBe(413);
    expect(await big.text()).not.toMatch(/at .+\(|Error:/);
  });
});
