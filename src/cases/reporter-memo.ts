// Which user filed which case, remembered in this process only (never stored). The link never changes
// once a case is filed, and knowing it lets an officer's button name the reporter's row among the reads
// sent ahead (core/prefetch.ts): "Tiếp nhận" then tells the reporter without a round trip of its own.
// The memory only decides what is read ahead: `reporterAddress` still opens the case's sealed link and
// asks for that user, and a read sent ahead for anyone else is simply not used.
import { setRecent } from '../ground/recent';

/** How many cases one process remembers (the oldest is forgotten first). */
const MAX_CASES = 2000;
const byRef = new Map<string, number>();

export function rememberReporter(ref: string, userId: number): void {
  setRecent(byRef, ref, userId, MAX_CASES);
}

export function rememberedReporter(ref: string): number | undefined {
  return byRef.get(ref);
}
