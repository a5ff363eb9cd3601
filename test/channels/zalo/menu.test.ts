// Numbered menus: buttons go out as "1. …" lines and a bare number comes back as the button payload.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { menuAnswer, parseMenuNumber, renderNumberedMenu } from '../../../src/channels/zalo/menu';
import { toIncoming } from '../../../src/channels/zalo/events';
import { parseZaloEvent } from '../../../src/channels/zalo/events';
import { createFakeZalo, userSendLocation, userSendText } from '../../support/fake-zalo';
import { createZaloTestApp, type ZaloTestApp } from './harness';

const fake = createFakeZalo();
const server = setupServer(...fake.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

let app: ZaloTestApp;
afterEach(() => app?.cleanup());

describe('a parent answers the menu with a number', () => {
  it('"/start" shows a numbered menu, and "1" opens its first item', async () => {
    app = await createZaloTestApp(fake);
    await app.post(userSendText('9001', '/start'));
    const [menu] = app.textsTo('9001');
    expect(menu).toContain('1. Hỏi đáp an toàn cho trẻ');

    const engineSaw: string[] = [];
    const handle = app.rt.engine.handle.bind(app.rt.engine);
    app.rt.engine.handle = async (inc, opts) => {
      engineSaw.push(inc.button !== undefined ? `button ${inc.button}` : `text ${inc.text}`);
      return handle(inc, opts);
    };
    await app.post(userSendText('9001', '1'));
    expect(engineSaw).toEqual(['button menu:ask']);
    expect(app.textsTo('9001')).toHaveLength(2);
  });

  it('a number outside the menu, or a longer text, stays text', async () => {
    app = await createZaloTestApp(fake);
    await app.post(userSendText('9002', '/start'));
    const seen: Array<{ text?: string; button?: string }> = [];
    const handle = app.rt.engine.handle.bind(app.rt.engine);
    app.rt.engine.handle = async (inc, opts) => {
      seen.push({ text: inc.text, button: inc.button });
      return handle(inc, opts);
    };
    await app.post(userSendText('9002', '7'));
    await app.post(userSendText('9002', '1 đứa trẻ bị đánh'));
    expect(seen).toEqual([
      { text: '7', button: undefined },
      { text: '1 đứa trẻ bị đánh', button: undefined },
    ]);
  });

  it('a user who never got a menu sends "2" as text', async () => {
    const parsed = parseZaloEvent(userSendText('9003', '2'));
    if (!parsed.ok || parsed.value.kind !== 'known') throw new Error('should parse');
    const inc = toIncoming(parsed.value.event, new Date(0), (t) => menuAnswer(t, []));
    expect(inc).toMatchObject({ channel: 'zalo', userId: '9003', text: '2' });
  });
});

describe('the numbered menu format', () => {
  it('numbers the buttons and says how to answer', () => {
    const text = renderNumberedMenu('Trẻ bao nhiêu tuổi?', [
      { label: 'Dưới 6 tuổi', payload: 'report:age:0-5' },
      { label: 'Từ 6 đến 10', payload: 'report:age:6-10' },
    ]);
    expect(text).toBe('Trẻ bao nhiêu tuổi?\n\n1. Dưới 6 tuổi\n2. Từ 6 đến 10\n\nTrả lời bằng số (1–2).');
    expect(renderNumberedMenu('Không có nút', [])).toBe('Không có nút');
  });

  it('understands the ways people type a number', () => {
    for (const answer of ['2', ' 2 ', '2.', '2)', 'số 2', 'Số 2', 'so 2', 'số2', '#2']) expect(parseMenuNumber(answer), answer).toBe(2);
    for (const answer of ['0', 'hai', '2 con', '0912345678', '', '2.5']) expect(parseMenuNumber(answer), answer).toBeNull();
    expect(menuAnswer('3', ['a:1', 'b:2'])).toBeNull();
    expect(menuAnswer('số 2', ['a:1', 'b:2'])).toBe('b:2');
  });
});

describe('a shared location', () => {
  it('becomes a GeoPoint, whether Zalo sends the coordinates as strings or numbers', () => {
    for (const [lat, lon] of [
      ['21.0285', '105.8542'],
      [21.0285, 105.8542],
    ] as const) {
      const parsed = parseZaloEvent(userSendLocation('9004', lat, lon, { msgId: 'loc-1' }));
      if (!parsed.ok || parsed.value.kind !== 'known') throw new Error('should parse');
      const inc = toIncoming(parsed.value.event, new Date(0), () => null);
      expect(inc).toMatchObject({ userId: '9004', location: { lat: 21.0285, lon: 105.8542 }, dedupeKey: 'zalo:loc-1' });
    }
    expect(parseZaloEvent(userSendLocation('9004', 'north', '105')).ok).toBe(false);
  });

  it('is read from the two other shapes seen in unofficial SDKs: coordinates in the payload, or message.location', () => {
    const official = userSendLocation('9004', '21.0285', '105.8542', { msgId: 'loc-2' });
    const inPayload = { ...official, message: { msg_id: 'loc-2', attachments: [{ type: 'location', payload: { latitude: '21.0285', longitude: '105.8542' } }] } };
    const asLocation = { ...official, message: { msg_id: 'loc-2', text: 'Nhà em', location: { lat: 21.0285, long: 105.8542 } } };
    for (const event of [inPayload, asLocation]) {
      const parsed = parseZaloEvent(event);
      if (!parsed.ok || parsed.value.kind !== 'known') throw new Error(`should parse: ${JSON.stringify(parsed)}`);
      const inc = toIncoming(parsed.value.event, new Date(0), () => null);
      expect(inc).toMatchObject({ userId: '9004', location: { lat: 21.0285, lon: 105.8542 }, dedupeKey: 'zalo:loc-2' });
    }
    // The same checks apply to them: out of range, not a number, or no coordinates at all is refused.
    expect(parseZaloEvent({ ...official, message: { msg_id: 'x', location: { lat: 121, long: 105 } } }).ok).toBe(false);
    expect(parseZaloEvent({ ...official, message: { msg_id: 'x', attachments: [{ payload: { latitude: 'north', longitude: '105' } }] } }).ok).toBe(false);
    expect(parseZaloEvent({ ...official, message: { msg_id: 'x', attachments: [{ type: 'location', payload: {} }] } }).ok).toBe(false);
  });
});
