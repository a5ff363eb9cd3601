// `baove chat`: talk to the bot in the terminal, interactively or as a JSON-lines script.
import { createInterface } from 'node:readline';
import * as z from 'zod';
import type { Runtime, TickStep } from '../../runtime';
import { runTick } from '../../tick';
import type { PrintedMessage } from './sender';

const scriptLine = z.union([
  z.object({ tick: z.iso.datetime({ offset: true }), at: z.iso.datetime({ offset: true }).optional() }),
  z
    .object({
      from: z.union([z.string().min(1).max(128), z.number()]).transform(String),
      text: z.string().max(10_000).optional(),
      button: z.string().max(64).optional(),
      location: z.object({ lat: z.number(), lon: z.number() }).optional(),
      at: z.iso.datetime({ offset: true }).optional(),
    })
    .refine((l) => l.text !== undefined || l.button !== undefined || l.location !== undefined, {
      message: 'needs "text", "button" or "location"',
    }),
]);

export interface ChatIo {
  lines: AsyncIterable<string>;
  /** Messages printed by the cli sender end up here (they are wired by the caller). */
  err: (line: string) => void;
}

/**
 * Scripted chat: every stdin line is a user message or a tick; every outgoing message for a `cli`
 * user is printed as one JSON line by the printing sender (the runtime's `cli` sender).
 * The clock is the last "at" seen, moved one second forward per line so order is kept.
 */
export async function chatJsonl(rt: Runtime, io: ChatIo, tickSteps: Array<[string, TickStep]>): Promise<number> {
  let clock: Date | null = null;
  let lineNo = 0;
  let failures = 0;
  for await (const raw of io.lines) {
    lineNo++;
    const trimmed = raw.trim();
    if (!trimmed) continue;
    let parsed: z.infer<typeof scriptLine>;
    try {
      const result = scriptLine.safeParse(JSON.parse(trimmed));
      if (!result.success) throw new Error(result.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; '));
      parsed = result.data;
    } catch (err) {
      io.err(`line ${lineNo}: ignored: ${err instanceof Error ? err.message : String(err)}`);
      failures++;
      continue;
    }
    const at: Date = parsed.at ? new Date(parsed.at) : clock ? new Date(clock.getTime() + 1000) : rt.now();
    clock = at;
    if ('tick' in parsed) {
      const tickAt = new Date(parsed.tick);
      clock = tickAt;
      await runTick(rt, tickAt, { steps: tickSteps });
      continue;
    }
    // Handles the message and delivers what it caused (replies and, for cli officers, their notifications).
    await rt.receive({ channel: 'cli', userId: parsed.from, text: parsed.text, button: parsed.button, location: parsed.location, at }, { wait: true });
  }
  return failures > 0 && lineNo === failures ? 1 : 0;
}

/** Interactive chat: type text, or a button's number; "/as ID" switches who you are. */
export async function chatInteractive(rt: Runtime, startAs: string, printQueue: PrintedMessage[]): Promise<number> {
  let me = startAs;
  let lastButtons: PrintedMessage['buttons'] = [];
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const show = () => {
    for (const m of printQueue.splice(0)) {
      const who = m.to === me ? 'BảoVệ' : `BảoVệ → ${m.to}`;
      process.stdout.write(`\n${who}: ${m.text}\n`);
      m.buttons.forEach((b, i) => process.stdout.write(`  [${i + 1}] ${b.label}\n`));
      if (m.to === me) lastButtons = m.buttons;
    }
  };
  process.stdout.write(`BảoVệ — trò chuyện trong terminal. Bạn là "${me}". Gõ /as TÊN để đổi người, Ctrl+D để thoát.\n`);
  const send = async (what: { text?: string; button?: string }) => {
    const at = rt.now();
    await rt.receive({ channel: 'cli', userId: me, at, ...what }, { wait: true });
    show();
  };
  await send({ text: '/start' });
  rl.setPrompt(`${me}> `);
  rl.prompt();
  for await (const line of rl) {
    const text = line.trim();
    const as = /^\/as\s+(\S+)/.exec(text);
    if (as) {
      me = as[1]!;
      rl.setPrompt(`${me}> `);
    } else if (/^\d{1,2}$/.test(text) && lastButtons[Number(text) - 1]) {
      await send({ button: lastButtons[Number(text) - 1]!.payload });
    } else if (text) {
      await send({ text });
    }
    rl.prompt();
  }
  return 0;
}
