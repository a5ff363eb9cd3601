// Compiles content/ into generated modules (Workers have no file system; a cold start must not index).
// Each capability has its own builder in scripts/content/*.ts exporting `build(): Promise<string>`.
// `--if-stale`: do nothing when the last build's stamp matches the inputs (scripts/content-stamp.ts);
// the commands that need the modules (baove, eval, bench, loadtest) run it first.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isFresh, writeStamp } from './content-stamp';

const root = fileURLToPath(new URL('..', import.meta.url));
if (process.argv.includes('--if-stale') && isFresh(root)) process.exit(0);

const dir = fileURLToPath(new URL('./content/', import.meta.url));
const builders = readdirSync(dir).filter((f) => f.endsWith('.ts')).sort();
let failed = false;
for (const file of builders) {
  const mod = (await import(pathToFileURL(dir + file).href)) as { build: () => Promise<string> };
  try {
    const summary = await mod.build();
    process.stderr.write(`content: ${file.replace(/\.ts$/, '')}: ${summary}\n`);
  } catch (err) {
    failed = true;
    process.stderr.write(`content: ${file.replace(/\.ts$/, '')} FAILED\n${err instanceof Error ? err.message : String(err)}\n`);
  }
}
if (failed) process.exit(1);
writeStamp(root);
