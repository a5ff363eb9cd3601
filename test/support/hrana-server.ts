// A small libSQL server for tests: Hrana v2 over HTTP (POST /v2/pipeline, JSON), the protocol
// @libsql/client/web speaks to Turso, backed by a local libSQL file. It lets the Worker, running in
// workerd, use a real database on 127.0.0.1 without any network.
//
// One writing connection serves every stream. A stream that leaves a transaction open owns it until
// it commits, rolls back or closes: meanwhile other streams' reads go to a second connection, which
// sees the last committed state (WAL), and their writes wait, as SQLite's write lock would make them.
// An abandoned transaction is rolled back after `abandonAfterMs`.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Database from 'libsql';

type Connection = Database.Database;

type Value = { type: 'null' } | { type: 'integer'; value: string } | { type: 'float'; value: number } | { type: 'text'; value: string } | { type: 'blob'; base64: string };
interface Stmt {
  sql?: string;
  sql_id?: number;
  args?: Value[];
  named_args?: Array<{ name: string; value: Value }>;
  want_rows?: boolean;
}
type BatchCond =
  | { type: 'ok' | 'error'; step: number }
  | { type: 'not'; cond: BatchCond }
  | { type: 'and' | 'or'; conds: BatchCond[] }
  | { type: 'is_autocommit' };
interface StreamRequest {
  type: string;
  stmt?: Stmt;
  batch?: { steps: Array<{ condition?: BatchCond | null; stmt: Stmt }> };
  sql?: string;
  sql_id?: number;
}
interface StmtResult {
  cols: Array<{ name: string; decltype: string | null }>;
  rows: Value[][];
  affected_row_count: number;
  last_insert_rowid: string | null;
}
interface Stream {
  id: string;
  sqls: Map<number, string>;
  lastUsed: number;
}

class ProtoError extends Error {
  constructor(
    message: string,
    readonly code = 'SQL_PARSE_ERROR',
  ) {
    super(message);
  }
}

export interface HranaServer {
  /** http://127.0.0.1:PORT, a DATABASE_URL for @libsql/client/web. */
  url: string;
  /** Pipeline requests served so far, and the milliseconds spent running them (SQLite, synchronous). */
  stats: { pipelines: number; statements: number; busyMs: number };
  close(): Promise<void>;
}

export interface HranaServerOptions {
  /** Bearer token required from clients (DATABASE_AUTH_TOKEN); none by default. */
  authToken?: string;
  abandonAfterMs?: number;
}

function toJs(v: Value): unknown {
  switch (v.type) {
    case 'null':
      return null;
    case 'integer':
      return BigInt(v.value);
    case 'float':
      return v.value;
    case 'text':
      return v.value;
    case 'blob':
      return Buffer.from(v.base64, 'base64');
    default:
      throw new ProtoError(`unknown value type ${(v as { type: string }).type}`, 'PROTO_ERROR');
  }
}

function fromJs(v: unknown): Value {
  if (v === null || v === undefined) return { type: 'null' };
  if (typeof v === 'bigint') return { type: 'integer', value: v.toString() };
  if (typeof v === 'number') return { type: 'float', value: v }; // integers arrive as bigint (safeIntegers)
  if (typeof v === 'string') return { type: 'text', value: v };
  if (v instanceof Uint8Array) return { type: 'blob', base64: Buffer.from(v).toString('base64') };
  return { type: 'text', value: String(v) };
}

const READ_ONLY = /^\s*(select|with|pragma|explain|values)\b/iu;

export async function startHranaServer(file: string, opts: HranaServerOptions = {}): Promise<HranaServer> {
  const db = new Database(file);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA busy_timeout = 5000');
  const reader = new Database(file);
  reader.exec('PRAGMA busy_timeout = 5000');
  const streams = new Map<string, Stream>(); // by current baton
  const stats = { pipelines: 0, statements: 0, busyMs: 0 };
  let owner: Stream | null = null; // the stream inside an open transaction
  let waiters: Array<() => void> = [];
  const abandonAfterMs = opts.abandonAfterMs ?? 10_000;

  const release = () => {
    owner = null;
    const ready = waiters;
    waiters = [];
    for (const w of ready) w();
  };
  const closeStream = (s: Stream) => {
    if (owner === s) {
      if (db.inTransaction) db.exec('ROLLBACK');
      release();
    }
  };
  const sweep = setInterval(() => {
    const now = Date.now();
    for (const [baton, s] of streams) {
      if (now - s.lastUsed < abandonAfterMs) continue;
      streams.delete(baton);
      closeStream(s);
    }
  }, 1000);
  sweep.unref();

  const sqlOf = (stream: Stream, stmt: { sql?: string; sql_id?: number }): string => {
    if (typeof stmt.sql === 'string') return stmt.sql;
    const cached = stmt.sql_id === undefined ? undefined : stream.sqls.get(stmt.sql_id);
    if (cached === undefined) throw new ProtoError(`no SQL text with id ${String(stmt.sql_id)}`, 'SQL_NOT_FOUND');
    return cached;
  };

  const execute = (conn: Connection, stream: Stream, stmt: Stmt): StmtResult => {
    stats.statements++;
    const sql = sqlOf(stream, stmt);
    const prepared = conn.prepare(sql);
    const params: unknown =
      stmt.named_args && stmt.named_args.length > 0
        ? Object.fromEntries(stmt.named_args.map((a) => [a.name.replace(/^[:@$]/u, ''), toJs(a.value)]))
        : (stmt.args ?? []).map(toJs);
    if (prepared.reader) {
      const rows = prepared.raw(true).safeIntegers(true).all(params) as unknown[][];
      const cols = prepared.columns().map((c: { name: string; type: string | null }) => ({ name: c.name, decltype: c.type ?? null }));
      let affected = 0;
      let rowid: string | null = null;
      if (!READ_ONLY.test(sql)) {
        // INSERT … RETURNING and friends: report the write like sqld does.
        const [changes, last] = conn.prepare('SELECT changes(), last_insert_rowid()').raw(true).safeIntegers(true).get() as [bigint, bigint];
        affected = Number(changes);
        rowid = last.toString();
      }
      return { cols, rows: stmt.want_rows === false ? [] : rows.map((r) => r.map(fromJs)), affected_row_count: affected, last_insert_rowid: rowid };
    }
    const info = prepared.run(params) as { changes: number; lastInsertRowid: number | bigint };
    return { cols: [], rows: [], affected_row_count: Number(info.changes), last_insert_rowid: String(info.lastInsertRowid) };
  };

  const condition = (conn: Connection, c: BatchCond | null | undefined, ok: boolean[], failed: boolean[]): boolean => {
    if (!c) return true;
    switch (c.type) {
      case 'ok':
        return ok[c.step] === true;
      case 'error':
        return failed[c.step] === true;
      case 'not':
        return !condition(conn, c.cond, ok, failed);
      case 'and':
        return c.conds.every((x) => condition(conn, x, ok, failed));
      case 'or':
        return c.conds.some((x) => condition(conn, x, ok, failed));
      case 'is_autocommit':
        return !conn.inTransaction;
    }
  };

  const errorOf = (err: unknown) => ({
    message: err instanceof Error ? err.message : String(err),
    code: (err as { code?: string }).code ?? 'UNKNOWN',
  });

  const handle = (conn: Connection, stream: Stream, req: StreamRequest): unknown => {
    switch (req.type) {
      case 'execute':
        return { type: 'execute', result: execute(conn, stream, req.stmt!) };
      case 'batch': {
        const steps = req.batch?.steps ?? [];
        const ok: boolean[] = [];
        const failed: boolean[] = [];
        const results: Array<StmtResult | null> = [];
        const errors: Array<{ message: string; code: string } | null> = [];
        steps.forEach((step, i) => {
          results[i] = null;
          errors[i] = null;
          if (!condition(conn, step.condition, ok, failed)) return;
          try {
            results[i] = execute(conn, stream, step.stmt);
            ok[i] = true;
          } catch (err) {
            errors[i] = errorOf(err);
            failed[i] = true;
          }
        });
        return { type: 'batch', result: { step_results: results, step_errors: errors } };
      }
      case 'sequence':
        conn.exec(sqlOf(stream, req));
        return { type: 'sequence' };
      case 'store_sql':
        stream.sqls.set(req.sql_id!, req.sql!);
        return { type: 'store_sql' };
      case 'close_sql':
        stream.sqls.delete(req.sql_id!);
        return { type: 'close_sql' };
      case 'get_autocommit':
        return { type: 'get_autocommit', is_autocommit: !conn.inTransaction };
      case 'close':
        return { type: 'close' };
      default:
        throw new ProtoError(`request type ${req.type} is not supported by this test server`, 'PROTO_ERROR');
    }
  };

  /** True when every statement only reads (so it may run beside another stream's transaction). */
  const readsOnly = (stream: Stream, requests: StreamRequest[]): boolean =>
    requests.every((req) => {
      const texts = req.type === 'execute' ? [req.stmt!] : req.type === 'batch' ? (req.batch?.steps ?? []).map((s) => s.stmt) : null;
      if (texts === null) return req.type !== 'sequence';
      return texts.every((t) => {
        try {
          return READ_ONLY.test(sqlOf(stream, t));
        } catch {
          return false;
        }
      });
    });

  const pipeline = async (body: { baton?: string | null; requests?: StreamRequest[] }) => {
    let stream: Stream;
    if (body.baton) {
      const found = streams.get(body.baton);
      if (!found) throw Object.assign(new Error('stream expired or unknown baton'), { status: 400 });
      streams.delete(body.baton);
      stream = found;
    } else {
      stream = { id: randomUUID(), sqls: new Map(), lastUsed: Date.now() };
    }
    // Another stream's transaction holds the writer: read beside it, or wait as a second writer would.
    let conn = db;
    while (owner && owner !== stream) {
      if (readsOnly(stream, body.requests ?? [])) {
        conn = reader;
        break;
      }
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
    stats.pipelines++;
    const busySince = performance.now();
    const results: unknown[] = [];
    let closed = false;
    for (const req of body.requests ?? []) {
      if (closed) {
        results.push({ type: 'error', error: { message: 'stream is closed', code: 'STREAM_CLOSED' } });
        continue;
      }
      try {
        results.push({ type: 'ok', response: handle(conn, stream, req) });
      } catch (err) {
        results.push({ type: 'error', error: errorOf(err) });
      }
      if (req.type === 'close') closed = true;
    }
    stats.busyMs += performance.now() - busySince;
    if (closed) {
      closeStream(stream);
      return { baton: null, base_url: null, results };
    }
    if (conn === db) {
      if (db.inTransaction) owner = stream;
      else if (owner === stream) release();
    }
    stream.lastUsed = Date.now();
    const baton = randomUUID();
    streams.set(baton, stream);
    return { baton, base_url: null, results };
  };

  const readBody = (req: IncomingMessage): Promise<string> =>
    new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      req.on('error', reject);
    });

  const reply = (res: ServerResponse, status: number, body: unknown) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json' });
    res.end(text);
  };

  const server = createServer((req, res) => {
    void (async () => {
      try {
        if (opts.authToken && req.headers.authorization !== `Bearer ${opts.authToken}`) return reply(res, 401, 'unauthorized');
        const path = new URL(req.url ?? '/', 'http://localhost').pathname;
        if (req.method === 'GET' && (path === '/' || path === '/health')) return reply(res, 200, 'ok');
        if (req.method === 'GET' && path === '/v2') return reply(res, 200, 'ok');
        if (req.method === 'POST' && path === '/v2/pipeline') {
          const body = JSON.parse(await readBody(req)) as Parameters<typeof pipeline>[0];
          return reply(res, 200, await pipeline(body));
        }
        return reply(res, 404, 'not found');
      } catch (err) {
        reply(res, (err as { status?: number }).status ?? 500, err instanceof Error ? err.message : String(err));
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(sweep);
        server.closeAllConnections();
        server.close(() => {
          reader.close();
          db.close();
          resolve();
        });
      }),
  };
}
