// A counting HTTP proxy in front of a libSQL server (the Hrana test server): every request the
// client makes to the database passes here, is counted, and may be delayed, as between a Worker and
// a database in another region. The count is the number of database round trips.
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CountingProxy {
  /** http://127.0.0.1:PORT: a DATABASE_URL for @libsql/client. */
  url: string;
  /** Requests forwarded so far (every method: version probes and pipelines alike). */
  readonly requests: number;
  /** Of those, the requests that only recorded sends as sent (outbox marks written on their own). */
  readonly sentMarks: number;
  /** The requests, in order (method and path), for a test's message. */
  readonly log: readonly string[];
  /** Milliseconds added before each request is forwarded. */
  latencyMs: number;
  close(): Promise<void>;
}

export async function startCountingProxy(target: string, opts: { latencyMs?: number } = {}): Promise<CountingProxy> {
  const to = new URL(target);
  const log: string[] = [];
  let sentMarks = 0;
  const state = { latencyMs: opts.latencyMs ?? 0 };
  const server = createServer((req, res) => {
    // Control paths (not counted): the count, and the added latency, for a proxy in another process.
    if (req.url === '/__proxy/count') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ requests: log.length, sentMarks }));
      return;
    }
    if (req.url?.startsWith('/__proxy/latency/')) {
      state.latencyMs = Number(req.url.slice('/__proxy/latency/'.length)) || 0;
      res.writeHead(204);
      res.end();
      return;
    }
    log.push(`${req.method} ${req.url}`);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (onlyMarksSent(Buffer.concat(chunks).toString('utf8'))) sentMarks++;
      if (process.env.BAOVE_PROXY_TRACE) process.stderr.write(`proxy: ${Buffer.concat(chunks).toString('utf8').replace(/"args":\[[^\]]*\]/g, '').slice(0, 400)}\n`);
      const forward = () => {
        const out = httpRequest(
          { host: to.hostname, port: to.port, method: req.method, path: req.url, headers: { ...req.headers, host: to.host } },
          (upstream: IncomingMessage) => {
            res.writeHead(upstream.statusCode ?? 502, upstream.headers);
            upstream.pipe(res);
          },
        );
        out.on('error', (err) => {
          res.writeHead(502, { 'content-type': 'text/plain' });
          res.end(String(err));
        });
        out.end(Buffer.concat(chunks));
      };
      if (state.latencyMs > 0) setTimeout(forward, state.latencyMs);
      else forward();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return log.length;
    },
    get sentMarks() {
      return sentMarks;
    },
    log,
    get latencyMs() {
      return state.latencyMs;
    },
    set latencyMs(ms: number) {
      state.latencyMs = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Whether a Hrana pipeline body only records sends as sent (outbox.ts MARK_SENT, written alone). */
function onlyMarksSent(body: string): boolean {
  try {
    const { requests } = JSON.parse(body) as { requests?: Array<{ type: string; stmt?: { sql?: string } }> };
    const statements = (requests ?? []).filter((r) => r.type === 'execute');
    return statements.length > 0 && statements.every((r) => /^\s*update outbox set status = 'sent'/u.test(r.stmt?.sql ?? ''));
  } catch {
    return false;
  }
}
