// A libSQL server over HTTP in its own process, for the edge bench and tests: the Hrana test server on
// a prepared file (commune map, loopback officers) behind the counting proxy. Prints {"url":…} on
// stdout once ready; stops when its stdin closes. Run apart so that its CPU time is not counted as the
// Worker path's. The proxy answers GET /__proxy/count and POST /__proxy/latency/<ms>.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCountingProxy } from '../../test/support/counting-proxy';
import { startHranaServer } from '../../test/support/hrana-server';
import { prepareEdgeDatabase } from './edge-world';

const dir = mkdtempSync(join(tmpdir(), 'baove-edge-db-'));
const file = join(dir, 'edge.db');
await prepareEdgeDatabase(file);
const hrana = await startHranaServer(file);
const proxy = await startCountingProxy(hrana.url);
process.stdout.write(JSON.stringify({ url: proxy.url }) + '\n');
process.stdin.resume();
process.stdin.on('end', () => {
  void proxy
    .close()
    .then(() => hrana.close())
    .finally(() => {
      rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    });
});
