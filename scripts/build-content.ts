// Compiles content/ into generated modules (Workers have no file system; a cold start must not index).
// Each capability has its own builder in scripts/content/*.ts exporting `build(): Promise<string>`.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

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
