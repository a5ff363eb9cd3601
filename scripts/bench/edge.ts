// The edge numbers of `npm run bench` (issue #17): the Worker's code path against a libSQL server over
// HTTP (the Hrana test server behind a counting proxy, scripts/bench/edge-world.ts).
// - edge_roundtrips_p50 / _max: database requests per update over whole report flows through the
//   Telegram webhook, counted at the HTTP boundary, everything included (the reads, the write batch,
//   and what runs after the answer: the sends' "sent" marks, which ride on the next update's batch);
//   edge_answer_roundtrips_*: the requests made before the webhook answered.
// - edge_officer_roundtrips_max / edge_officer_answer_roundtrips_max: the same for the officer who gets
//   each of those reports pressing "Tiếp nhận" (case:ack), its sends' marks included.
// - edge_update_ms_p50: the webhook's answer time with 30 ms added to every database request.
// - edge_cpu_ms_p50: CPU per update on that code path in Node (V8, as in workerd), the database
//   server running in another process: an estimate (workerd does not report CPU time locally). It
//   includes Node's HTTP client and the webhook's own request handling, with the sends after it.
import { startEdgeWorld } from './edge-world';
import { LOOPBACK_OFFICERS } from './server-process';
import { callbackUpdate, reportScript } from './updates';

export interface EdgeBench {
  edge_roundtrips_p50: number;
  edge_roundtrips_max: number;
  edge_answer_roundtrips_p50: number;
  edge_answer_roundtrips_max: number;
  edge_officer_roundtrips_max: number;
  edge_officer_answer_roundtrips_max: number;
  edge_update_ms_p50: number;
  edge_cpu_ms_p50: number;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))] ?? 0;
};

export async function benchEdge(log: (line: string) => void = () => undefined): Promise<EdgeBench> {
  const world = await startEdgeWorld();
  try {
    let id = 900_000;
    const nextId = () => ++id;
    const date = Math.floor(Date.now() / 1000);
    const answers: number[] = [];
    const all: number[] = [];
    const cpu: number[] = [];
    const officerAll: number[] = [];
    const officerAnswers: number[] = [];
    // Round trips, without added latency: three citizens, each a whole report, their updates one after
    // another as Telegram posts them (the next as soon as the last is answered). An update's count runs
    // from its post to the next one's, so it includes what ran after its answer (the sends' marks).
    for (let i = 0; i < 3; i++) {
      const officer = LOOPBACK_OFFICERS[i % LOOPBACK_OFFICERS.length]!;
      const counts = [await world.proxy.requests()];
      for (const update of reportScript(880_100 + i, officer.addresses[0]!, nextId, date, i).updates) {
        const before = await world.proxy.requests();
        const res = await world.post(update);
        if (res.status !== 200) throw new Error(`edge bench: webhook answered ${res.status}`);
        answers.push((await world.proxy.requests()) - before);
        counts.push(await world.proxy.requests());
      }
      await world.rt.idle();
      counts[counts.length - 1] = await world.proxy.requests();
      for (let j = 1; j < counts.length; j++) all.push(counts[j]! - counts[j - 1]!);
      // The officer takes the case up ("Tiếp nhận"), its sends marked on their own (nothing follows).
      const ref = world.sent.filter((s) => s.chatId === String(880_100 + i)).flatMap((s) => /BV-[0-9A-Z]{6}/.exec(s.text) ?? []).at(-1);
      if (!ref) throw new Error('edge bench: the report was not confirmed');
      const before = await world.proxy.requests();
      const res = await world.post(callbackUpdate(nextId(), Number(officer.chatId), `case:ack:${ref}`, date));
      if (res.status !== 200) throw new Error(`edge bench: webhook answered ${res.status}`);
      officerAnswers.push((await world.proxy.requests()) - before);
      await world.rt.idle();
      officerAll.push((await world.proxy.requests()) - before);
    }
    // CPU: two more citizens (the database runs in another process, so this is the Worker path's own).
    for (let i = 0; i < 2; i++) {
      const officer = LOOPBACK_OFFICERS[(i + 2) % LOOPBACK_OFFICERS.length]!;
      for (const update of reportScript(880_150 + i, officer.addresses[0]!, nextId, date, i + 1).updates) {
        const used = process.cpuUsage();
        await world.post(update);
        await world.rt.idle();
        const spent = process.cpuUsage(used);
        cpu.push((spent.user + spent.system) / 1000);
      }
    }
    log(`edge: requests per update in all ${JSON.stringify(all)}, before the answer ${JSON.stringify(answers)}; an officer's ack ${JSON.stringify(officerAll)}, before the answer ${JSON.stringify(officerAnswers)}`);
    // The answer time with a database 30 ms away (each request delayed by 30 ms).
    await world.proxy.setLatency(30);
    const times: number[] = [];
    for (let i = 0; i < 2; i++) {
      const officer = LOOPBACK_OFFICERS[(i + 1) % LOOPBACK_OFFICERS.length]!;
      for (const update of reportScript(880_200 + i, officer.addresses[0]!, nextId, date, i + 3).updates) {
        const started = performance.now();
        const res = await world.post(update);
        times.push(performance.now() - started);
        if (res.status !== 200) throw new Error(`edge bench: webhook answered ${res.status}`);
        await world.rt.idle();
      }
    }
    log(`edge: answer ms at 30 ms per request ${JSON.stringify(times.map(Math.round))}`);
    return {
      edge_roundtrips_p50: quantile(all, 0.5),
      edge_roundtrips_max: Math.max(...all),
      edge_answer_roundtrips_p50: quantile(answers, 0.5),
      edge_answer_roundtrips_max: Math.max(...answers),
      edge_officer_roundtrips_max: Math.max(...officerAll),
      edge_officer_answer_roundtrips_max: Math.max(...officerAnswers),
      edge_update_ms_p50: quantile(times, 0.5),
      edge_cpu_ms_p50: quantile(cpu, 0.5),
    };
  } finally {
    await world.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchEdge((l) => process.stderr.write(l + '\n'))));
}
