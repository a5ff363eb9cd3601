// The Worker must stay small enough to start fast at the edge: the gzipped bundle `wrangler deploy`
// would upload is at most 400 KiB (a size check, not a timing test), and what is in it is only
// what the Worker runs.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkerBundle, type BundleReport } from '../../scripts/bench/bundle';

describe('the Worker build', () => {
  let bundle: BundleReport;
  beforeAll(async () => {
    bundle = await buildWorkerBundle();
  }, 120_000);

  it('bundles to at most 400 KiB gzipped', () => {
    expect(bundle.bundle_gzip_kib).toBeGreaterThan(50); // a real build, not an empty file
    expect(bundle.bundle_gzip_kib).toBeLessThanOrEqual(400);
  });

  it('leaves out the Node-only spreadsheet writer, the local database driver and `debug`', () => {
    const nodeOnly = bundle.modules.filter((m) => /node_modules\/(exceljs|libsql|@libsql\/(linux|darwin|win32)|better-sqlite3|debug)\//.test(m));
    expect(nodeOnly).toEqual([]);
  });

  it('imports no Node file system from the Worker (file readers stay with the CLI and the scripts)', () => {
    expect(bundle.nodeImports.filter((i) => /^node:(fs|path|child_process|os)\b/.test(i))).toEqual([]);
  });

  it('takes zod/mini only, with English messages (no classic API, no other locales, no JSON-schema code)', () => {
    // The classic API (`import * as z from 'zod'`) brings every method of every schema type, about
    // 19 KiB gzipped more; src/ground/zod-mini.ts says how the Worker's schemas are written.
    const unused = bundle.modules.filter((m) => /zod\/v4\/(classic\/|locales\/(?!en\.js)|core\/(to-json-schema|json-schema))/.test(m));
    expect(unused).toEqual([]);
    expect(bundle.modules.some((m) => m.includes('zod/v4/mini/'))).toBe(true);
  });

  it('is ASCII only, so V8 keeps its source one byte per character', () => {
    // A single character past Latin-1 (an "ằ" or a "’" in a regex literal) turns the whole source
    // into a two-byte string: decoding and scanning it cost ~6% more instructions at every isolate's
    // start-up (3 Dec, session 8). esbuild escapes strings, not regex literals: write `\u2019` (with
    // the character in a comment) or build the RegExp from a string.
    expect(bundle.nonAscii).toEqual([]);
  });

  it('has no regex literal with a Unicode property class of ours, so none is checked at start-up', () => {
    // V8 checks regex literals as it parses the script, and ICU builds a \p{…} class there, ~2 M
    // instructions each even in a function that never runs: ours are made from strings on first use
    // (src/ground/regexp.ts). The one left is MiniSearch's tokenizer (a dependency's top level).
    expect(bundle.propertyRegexLiterals).toEqual(['/[\\n\\r\\p{Z}\\p{P}]+/u']);
  });
});
