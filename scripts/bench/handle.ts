// Benchmarks update handling in-process: `engine.handle` (one write transaction: inbox dedupe, user,
// state, case, outbox) on a libSQL file, with the real features, map and knowledge base. The updates are
// a realistic mix: whole reports (with address lookup and case filing), questions, menus and /start.
import { silentLogger } from '../../src/ground/log';
import type { Incoming } from '../../src/core/types';
import { bootNode } from '../../src/platform/node';
import { BENCH_DATA_KEY, LOOPBACK_OFFICERS, prepareDatabase, tempDatabaseUrl } from './server-process';
import { DESCRIPTIONS, PHONES } from './updates';

const QUESTIONS = [
  'Làm sao dạy con nhận biết người lạ muốn dụ dỗ?',
  'Con tôi 6 tuổi, nên dạy cháu về vùng riêng tư trên cơ thể thế nào?',
  'Mùa hè làm sao phòng tránh đuối nước cho trẻ?',
  'Con bị bạn bắt nạt ở trường thì cha mẹ nên làm gì?',
  'Trẻ dùng mạng xã hội cần lưu ý gì để an toàn?',
];

type Step = Omit<Incoming, 'channel' | 'userId' | 'at' | 'dedupeKey'>;

/** What one person does: a whole report, a few questions, or the menu. */
function session(i: number): Step[] {
  const address = LOOPBACK_OFFICERS.flatMap((o) => o.addresses)[i % 5]!;
  switch (i % 3) {
    case 0:
      return [
        { text: '/baotin' },
        { text: DESCRIPTIONS[i % DESCRIPTIONS.length]! },
        { text: address },
        { button: 'report:age:6-10' },
        { button: i % 2 ? 'report:danger:no' : 'report:danger:yes' },
        i % 2 ? { text: PHONES[i % PHONES.length]! } : { button: 'report:anonymous' },
        { button: 'report:confirm' },
      ];
    case 1:
      return [{ text: '/start' }, { button: 'menu:ask' }, { text: QUESTIONS[i % QUESTIONS.length]! }, { text: QUESTIONS[(i + 2) % QUESTIONS.length]! }];
    default:
      return [{ text: '/start' }, { button: 'menu:hotlines' }, { text: '/help' }, { button: 'menu:report' }, { text: '/huy' }];
  }
}

const ms = (x: number) => Math.round(x * 1000) / 1000;

export async function benchHandle(opts: { sessions?: number; warmup?: number } = {}): Promise<{ handle_p99_ms: number; handle_p50_ms: number }> {
  const databaseUrl = tempDatabaseUrl('baove-bench-handle-');
  await prepareDatabase(databaseUrl);
  const origWrite = process.stderr.write.bind(process.stderr);
  process.stderr.write = (() => true) as typeof process.stderr.write; // the seed's progress lines
  const boot = await bootNode({ env: { DATABASE_URL: databaseUrl, DATA_KEY: BENCH_DATA_KEY }, log: silentLogger }).finally(() => {
    process.stderr.write = origWrite;
  });
  try {
    const sessions = opts.sessions ?? 600;
    const warmup = opts.warmup ?? 60;
    let clock = Date.parse('2026-11-25T03:00:00Z');
    let update = 0;
    const times: number[] = [];
    // Sessions are interleaved as real traffic is: one step of each open session in turn.
    const open: Array<{ user: string; steps: Step[] }> = [];
    let next = 0;
    while (next < sessions || open.length) {
      while (open.length < 20 && next < sessions) {
        open.push({ user: String(700_000_000 + next), steps: session(next) });
        next++;
      }
      const s = open.shift()!;
      const step = s.steps.shift()!;
      if (s.steps.length) open.push(s);
      const inc: Incoming = { channel: 'telegram', userId: s.user, at: new Date((clock += 250)), dedupeKey: `telegram:${++update}`, ...step };
      const t = performance.now();
      await boot.rt.engine.handle(inc);
      const took = performance.now() - t;
      if (update > warmup) times.push(took);
    }
    times.sort((a, b) => a - b);
    const at = (p: number) => ms(times[Math.min(times.length - 1, Math.floor(p * times.length))]!);
    return { handle_p50_ms: at(0.5), handle_p99_ms: at(0.99) };
  } finally {
    boot.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchHandle()));
}
