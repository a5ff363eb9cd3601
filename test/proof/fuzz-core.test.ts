// Property test over the conversation core: random sequences of texts, buttons, payloads, locations
// and photos from several citizens and an officer, with repeats, never crash the engine and never
// leave a half-written case, a case without a reference, or a state without its user.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDirectory } from '../../src/reports';
import type { Incoming } from '../../src/core/types';
import { allFeatures } from '../../src/features';
import { realServices } from '../reports/support';
import { createTestRuntime, type TestRuntime } from '../support/runtime';
import { caseProblems, fuzzOptions } from './support';

let t: TestRuntime;
beforeAll(async () => {
  t = await createTestRuntime({ services: realServices() });
  await seedDemoDirectory(t.db.db, new Date('2026-11-01T00:00:00Z'));
});
afterAll(() => t.cleanup());

/** A stored step must belong to a feature that can answer it. */
const STEP_PREFIXES = allFeatures().flatMap((f) => (f.steps ? [f.steps.prefix] : []));
const refs: string[] = ['BV-7K3Q9M'];

const realisticText = fc.constantFrom(
  '/baotin', '/start', '/help', '/huy', '/menu', '/status', '/cases', '/lang en', '/lang vi', '/dangky ABCD-EFGH', '/constructor', '/__proto__',
  'Bé gái nhà bên thường bị bố dượng đánh, tối qua cháu khóc rất lâu.',
  '12 phố Quán Thánh, phường Quán Thánh, quận Ba Đình, Hà Nội', 'Hoàn Kiếm', 'phường Phan Rang, Khánh Hòa', 'xã Sóc Sơn',
  '7 tuổi', '15', '16 tuổi', 'có', 'không', 'không rõ', '0912 345 678', '+84 903 123 456', 'ẩn danh', 'gửi', 'hủy', '1', '2', '9',
  'Làm sao dạy con tránh bị xâm hại?', 'Cứu với, cháu đang bị đánh!',
);
const garbageText = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), fc.constant('x'.repeat(2500)));
const payload = fc.oneof(
  fc.constantFrom(
    'menu:report', 'menu:ask', 'menu:hotlines', 'menu:about', 'report:confirm', 'report:cancel', 'report:anonymous',
    'report:age:0-5', 'report:age:6-10', 'report:age:11-15', 'report:age:unknown', 'report:age:99',
    'report:danger:yes', 'report:danger:no', 'report:danger:unsure', 'report:loc:yes', 'report:loc:no',
    'report:pick:00004', 'report:pick:none', 'report:pick:99999', 'lang:en', 'lang:vi', 'topic:nope', 'valueOf', 'toString:x', '__proto__',
  ),
  fc.string({ maxLength: 80 }),
);
const officerPayload = fc.tuple(fc.constantFrom('ack', 'verify', 'escalate', 'close', 'bogus'), fc.nat()).map(([a, i]) => `case:${a}:${refs[i % refs.length]}`);
const point = fc.oneof(
  fc.record({ lat: fc.double({ min: 8, max: 23.5, noNaN: true }), lon: fc.double({ min: 102, max: 110, noNaN: true }) }),
  fc.record({ lat: fc.double(), lon: fc.double() }), // anywhere, NaN and infinities included
);

type Action = { who: string; what: Omit<Incoming, 'channel' | 'userId' | 'at'>; repeat: boolean };
const citizenAction: fc.Arbitrary<Action> = fc.record({
  who: fc.constantFrom('c1', 'c2', 'c3'),
  what: fc.oneof(
    { weight: 5, arbitrary: realisticText.map((text) => ({ text })) },
    { weight: 2, arbitrary: garbageText.map((text) => ({ text })) },
    { weight: 4, arbitrary: payload.map((button) => ({ button })) },
    { weight: 1, arbitrary: point.map((location) => ({ location })) },
    { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 60 }), fc.option(garbageText)).map(([fileId, text]) => ({ photo: { fileId }, text: text ?? '' })) },
  ),
  repeat: fc.boolean(), // a repeated delivery of the previous update
});
const officerAction: fc.Arbitrary<Action> = fc.record({ who: fc.constant('officer-ba-dinh'), what: officerPayload.map((button) => ({ button })), repeat: fc.constant(false) });
const noise: fc.Arbitrary<Action[]> = fc.array(fc.oneof({ weight: 6, arbitrary: citizenAction }, { weight: 1, arbitrary: officerAction }), { minLength: 1, maxLength: 30 });
/** A whole report by c4 (who else does nothing), its steps spread among the noise, in order. */
const REPORT: Action['what'][] = [
  { text: '/baotin' },
  { text: 'Cháu trai 8 tuổi hàng xóm hay bị bỏ đói và bị đánh.' },
  { text: '12 phố Quán Thánh, phường Quán Thánh, quận Ba Đình, Hà Nội' },
  { button: 'report:age:6-10' },
  { button: 'report:danger:no' },
  { button: 'report:anonymous' },
  { button: 'report:confirm' },
];
const actions: fc.Arbitrary<Action[]> = fc.oneof(
  noise,
  fc.tuple(noise, fc.array(fc.nat({ max: 30 }), { minLength: REPORT.length, maxLength: REPORT.length })).map(([n, at]) => {
    const out: Action[] = [...n];
    const spots = [...at].sort((a, b) => a - b);
    REPORT.forEach((what, i) => out.splice(Math.min(spots[i]! + i, out.length), 0, { who: 'c4', what, repeat: false }));
    return out;
  }),
);

let run = 0;
let clock = Date.parse('2026-11-25T03:00:00Z');

describe('random conversations with the core', () => {
  it('never throw, and leave every case whole and every state valid', async () => {
    await fc.assert(
      fc.asyncProperty(actions, async (seq: Action[]) => {
        run++;
        let lastKey: string | undefined;
        for (const [i, a] of seq.entries()) {
          const who = a.who.startsWith('officer') ? a.who : `${a.who}-${run}`;
          const key = a.repeat && lastKey ? lastKey : `fuzz:${run}:${i}`;
          lastKey = key;
          clock += 7_000;
          const result = await t.rt.engine.handle({ channel: 'cli', userId: who, at: new Date(clock), dedupeKey: key, ...a.what });
          await t.rt.deliver(result.outboxIds, new Date(clock));
          for (const m of result.messages) {
            expect(typeof m.text).toBe('string');
            for (const b of m.buttons) expect(b.payload.length).toBeLessThanOrEqual(64);
            const ref = /BV-[0-9A-Z]{6}/.exec(m.text)?.[0];
            if (ref && !refs.includes(ref)) refs.push(ref);
          }
        }
        expect(await caseProblems(t.db.client)).toEqual([]);
        const states = await t.db.client.execute('select step from conversation_state where step is not null');
        for (const s of states.rows) expect(STEP_PREFIXES.some((p) => String(s.step).startsWith(p))).toBe(true);
      }),
      fuzzOptions(120),
    );
    // Real reports were filed among the noise, so the property held for actual cases too.
    const cases = await t.db.client.execute(`select count(*) as n from cases`);
    expect(Number(cases.rows[0]!.n)).toBeGreaterThan(10);
  }, 180_000);
});
