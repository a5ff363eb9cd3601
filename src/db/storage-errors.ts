// Errors that say the database cannot take writes (read-only file, full disk, I/O failure), found
// anywhere in an error's chain (drizzle wraps libSQL's error as `cause`, grammY as `error`). A webhook
// meeting one answers 503 so the platform retries later; the start-up message names the cause.

export type StorageProblem = 'readonly' | 'full' | 'io';

function chain(err: unknown): unknown[] {
  const out: unknown[] = [];
  let cur: unknown = err;
  for (let i = 0; i < 6 && cur && typeof cur === 'object' && !out.includes(cur); i++) {
    out.push(cur);
    const e = cur as { cause?: unknown; error?: unknown };
    cur = e.cause ?? e.error;
  }
  if (cur !== undefined && !out.includes(cur)) out.push(cur);
  return out;
}

export function storageProblem(err: unknown): StorageProblem | null {
  for (const e of chain(err)) {
    const code = String((e as { code?: unknown })?.code ?? '');
    const text = `${code} ${e instanceof Error ? e.message : String(e)}`;
    if (/SQLITE_READONLY|readonly database|read-only file system|EROFS/i.test(text)) return 'readonly';
    if (/SQLITE_FULL|database or disk is full|ENOSPC|no space left/i.test(text)) return 'full';
    if (/SQLITE_IOERR|SQLITE_CANTOPEN|disk I\/O error|unable to open database/i.test(text)) return 'io';
  }
  return null;
}

/** A start-up failure in words, without a failed query's parameters (drizzle appends them: names, phones). */
export function startFailureText(err: unknown): string {
  const lines = chain(err).map((e) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).replace(/\bparams:[\s\S]*$/, 'params: (not shown)').slice(0, 300));
  const unique = lines.filter((l, i) => lines.indexOf(l) === i);
  const hint: Record<StorageProblem, string> = {
    readonly: 'The database file (DATABASE_URL) cannot be written: check that the file and its folder are writable by this user and the disk is not mounted read-only.',
    full: 'The disk holding the database (DATABASE_URL) is full: free some space, then start again.',
    io: 'The database file (DATABASE_URL) cannot be opened or read: check the path, its permissions and the disk.',
  };
  const problem = storageProblem(err);
  return [`BảoVệ failed to start: ${unique[0] ?? 'unknown error'}`, ...unique.slice(1).map((l) => `  cause: ${l}`), ...(problem ? [`  ${hint[problem]}`] : [])].join('\n');
}
