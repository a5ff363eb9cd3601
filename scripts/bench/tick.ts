// Times one real reminders tick (database included) for the whole country: 3,321 communes × 2
// officers + 34 province supervisors, all rules, on the day of 2027 when most reminders fall due
// (steady state: what earlier days sent is already recorded, as in production).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createConfig } from '../../src/config';
import type { CoreDeps } from '../../src/core/context';
import { openDb } from '../../src/db/node-client';
import * as schema from '../../src/db/schema';
import { migrateDb } from '../../src/db/migrate';
import { createSealer, generateDataKey } from '../../src/ground/crypto';
import { addDays, localDate, zonedInstant } from '../../src/reminders/dates';
import { RULES } from '../../src/reminders/rules.generated';
import { dueReminders, type Recipient, type Reminder } from '../../src/reminders/schedule';
import { recordSends } from '../../src/reminders/store';
import { remindersTick } from '../../src/reminders/tick';
import type { Runtime } from '../../src/runtime';

const root = fileURLToPath(new URL('../../', import.meta.url));
const TZ = 'Asia/Ho_Chi_Minh';

/** The 3,321 current communes with their province, from the map data when present, else synthesised. */
function communes(): Array<{ code: string; province: string }> {
  const file = ['content/map/vn-units-2026.json', '../shared/data/vn-units-2026.json'].map((f) => join(root, f)).find(existsSync);
  if (file) {
    const provinces = JSON.parse(readFileSync(file, 'utf8')) as Array<{ Code: string; Wards: Array<{ Code: string }> }>;
    return provinces.flatMap((p) => p.Wards.map((w) => ({ code: w.Code, province: p.Code })));
  }
  return Array.from({ length: 3321 }, (_, i) => ({ code: String(10000 + i), province: String(10 + (i % 34)) }));
}

/**
 * Steady state: a 09:00 tick every day of `year`, with what earlier days sent remembered. Returns the
 * busiest day's moment and the reminders sent before it (they go in the database untimed).
 */
function steadyState(recipients: Recipient[], year: number): { at: Date; before: Reminder[] } {
  const sent = new Set<string>();
  const log: Array<{ at: Date; reminders: Reminder[] }> = [];
  for (let day = `${year}-01-01`; day.startsWith(String(year)); day = addDays(day, 1)) {
    const at = zonedInstant(day, 9 * 60, TZ);
    const reminders = dueReminders({ at, rules: RULES, recipients, tz: TZ, sent });
    for (const r of reminders) sent.add(r.key);
    log.push({ at, reminders });
  }
  const busiest = log.reduce((a, b) => (b.reminders.length > a.reminders.length ? b : a));
  return { at: busiest.at, before: log.filter((l) => l.at < busiest.at).flatMap((l) => l.reminders) };
}

export async function benchTick(): Promise<{ tick_ms_full_country: number; tick_cpu_ms: number; tick_ms_repeat: number; reminders_queued: number; messages: number; officers: number; day: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'baove-bench-tick-'));
  const handle = openDb(`file:${join(dir, 'bench.db')}`);
  try {
    await migrateDb(handle.db, handle.client);
    const config = createConfig({});
    const now = new Date('2027-01-01T00:00:00Z');
    const list = communes();
    const rows = list.flatMap((c, i) =>
      [1, 2].map((n) => ({
        communeCode: c.code,
        provinceCode: c.province,
        name: `Cán bộ ${n} xã ${c.code}`,
        role: 'officer',
        channel: i % 2 ? 'zalo' : 'telegram',
        channelUserId: `bench-${c.code}-${n}`,
        createdAt: now,
      })),
    );
    for (const p of new Set(list.map((c) => c.province))) {
      rows.push({ communeCode: p, provinceCode: p, name: `Giám sát tỉnh ${p}`, role: 'supervisor', channel: 'telegram', channelUserId: `bench-sup-${p}`, createdAt: now });
    }
    for (let i = 0; i < rows.length; i += 500) await handle.db.insert(schema.officers).values(rows.slice(i, i + 500));

    const recipients: Recipient[] = rows.map((r, i) => ({ id: String(i + 1), role: r.role, communeCode: r.communeCode, provinceCode: r.provinceCode, channel: r.channel, channelUserId: r.channelUserId }));
    const { at, before } = steadyState(recipients, 2027);
    await recordSends(handle.db, before, new Date(at.getTime() - 86_400_000));
    const core = { db: handle.db, config, sealer: await createSealer(generateDataKey()) } as unknown as CoreDeps;
    const rt = { core } as Runtime;

    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const counts = await remindersTick(rt, at);
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    // The next tick, 15 minutes later, finds everything already sent: the common daytime case.
    const t1 = performance.now();
    const repeat = await remindersTick(rt, new Date(at.getTime() + 15 * 60_000));
    const repeatMs = performance.now() - t1;
    if (repeat.reminders_queued) throw new Error('the repeated tick queued reminders again');
    return { tick_ms_full_country: Math.round(ms), tick_cpu_ms: Math.round((cpu.user + cpu.system) / 1000), tick_ms_repeat: Math.round(repeatMs), reminders_queued: counts.reminders_queued ?? 0, messages: counts.reminder_messages ?? 0, officers: rows.length, day: localDate(at, TZ) };
  } finally {
    handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchTick()));
}
