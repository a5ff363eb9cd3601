// `baove reminders due --at ISO [--json]`: what a tick at that moment would send, without sending it.
import type { Config } from '../config';
import type { Db } from '../db/db';
import { planReminders } from './tick';

const USAGE = 'usage: reminders due --at 2027-07-03T09:00:00+07:00 [--json]';

/** Prints one line per reminder (`{"to","rule","due","text"}` with --json). Returns the exit code. */
export async function remindersDueCommand(
  args: string[],
  deps: { db: Db; config: Config },
  out: (line: string) => void,
): Promise<number> {
  const rest = args[0] === 'due' ? args.slice(1) : args;
  let atText: string | undefined;
  let json = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--json') json = true;
    else if (a === '--at') atText = rest[++i];
    else if (a.startsWith('--at=')) atText = a.slice('--at='.length);
    else {
      console.error(`reminders: unknown argument "${a}"\n${USAGE}`);
      return 2;
    }
  }
  // The command line is an edge: without --at it asks about this very moment.
  const at = atText === undefined ? new Date() : new Date(atText);
  if (Number.isNaN(at.getTime())) {
    console.error(`reminders: --at "${atText ?? ''}" is not an ISO date-time\n${USAGE}`);
    return 2;
  }
  const due = await planReminders(deps.db, deps.config, at);
  for (const r of due) {
    if (json) out(JSON.stringify({ to: r.recipient.channelUserId, rule: r.ruleId, due: r.due, text: r.text }));
    else out(`${r.due}  ${r.ruleId} (${r.period}) → ${r.recipient.channel}:${r.recipient.channelUserId}\n${r.text}\n`);
  }
  if (!json && due.length === 0) out('Không có nhắc việc nào đến hạn gửi vào lúc này.');
  return 0;
}
