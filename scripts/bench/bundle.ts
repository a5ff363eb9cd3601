// The Worker's upload size: builds it exactly as `wrangler deploy` would (--dry-run, nothing is sent)
// and gzips worker.js. Workers' free plan caps the gzipped script at 3 MiB; our budget is 400 KiB so
// cold starts stay fast.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WRANGLER = join(ROOT, 'node_modules', '.bin', 'wrangler');

export interface BundleSize {
  bundle_gzip_kib: number;
  bundle_kib: number;
}

export interface BundleReport extends BundleSize {
  /** The source files esbuild put into worker.js (metafile inputs with bytes in the output). */
  modules: string[];
  /** Node built-ins the bundled modules import, with the importer: `node:fs <- src/x.ts`. */
  nodeImports: string[];
  /**
   * Where worker.js holds a character outside ASCII (up to 10, with 30 characters around each). One
   * such character makes V8 hold the whole 1.2 MB source as a two-byte string: a slower decode and
   * scan at every isolate's start-up. esbuild escapes strings but not regex literals.
   */
  nonAscii: string[];
  /** Regex literals in worker.js with a Unicode property class (\p{…}); src/ground/regexp.ts says why. */
  propertyRegexLiterals: string[];
}

export async function benchBundle(): Promise<BundleSize> {
  const { bundle_gzip_kib, bundle_kib } = await buildWorkerBundle();
  return { bundle_gzip_kib, bundle_kib };
}

export async function buildWorkerBundle(): Promise<BundleReport> {
  const outdir = await mkdtemp(join(tmpdir(), 'baove-bundle-'));
  try {
    const metafile = join(outdir, 'meta.json');
    await promisify(execFile)(WRANGLER, ['deploy', '--dry-run', '--outdir', outdir, '--metafile', metafile], {
      cwd: ROOT,
      // No telemetry prompts or update checks in a benchmark.
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: '1' },
      maxBuffer: 16 * 1024 * 1024,
    });
    const code = await readFile(join(outdir, 'worker.js'));
    const meta = JSON.parse(await readFile(metafile, 'utf8')) as {
      inputs: Record<string, { imports?: { path: string; external?: boolean }[] }>;
      outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>;
    };
    const out = Object.entries(meta.outputs).find(([name]) => name.endsWith('worker.js'))?.[1];
    const modules = Object.entries(out?.inputs ?? {})
      .filter(([, v]) => v.bytesInOutput > 0)
      .map(([k]) => k);
    const bundled = new Set(modules);
    const nodeImports = Object.entries(meta.inputs).flatMap(([file, input]) =>
      bundled.has(file) ? (input.imports ?? []).filter((i) => i.path.startsWith('node:')).map((i) => `${i.path} <- ${file}`) : [],
    );
    const text = code.toString('utf8');
    const nonAscii = [...text.matchAll(/[^\x00-\x7f]/g)].slice(0, 10).map((m) => text.slice(Math.max(0, m.index - 30), m.index + 30));
    // A regex literal in minified code: after an operator, a comma, a bracket or `return` (good enough here).
    const regexLiteral = /(?<=[=(,:;!&|?]|return )\/(?![*/])(?:[^/\\\n[]|\\.|\[(?:[^\]\\\n]|\\.)*\])*\/[dgimsuyv]*/g;
    const propertyRegexLiterals = [...text.matchAll(regexLiteral)].map((m) => m[0]).filter((r) => r.includes('\\p{'));
    return { bundle_gzip_kib: gzipSync(code, { level: 9 }).length / 1024, bundle_kib: code.length / 1024, modules, nodeImports, nonAscii, propertyRegexLiterals };
  } finally {
    await rm(outdir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchBundle()));
}
