// Whether the generated modules are up to date with what builds them, so a command run straight after
// `npm install` (`npm run baove -- chat`, `npm run eval`, `npm run bench`) builds the content first,
// and a later one does not wait for a rebuild it does not need.
//
// The stamp holds a hash of every input (content/, the builders, src/ apart from the generated
// modules, package-lock.json) and the list of modules the build wrote.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const STAMP = 'src/.content-stamp.json';
const INPUTS = ['content', 'scripts/content', 'scripts/content-literal.ts', 'scripts/build-content.ts', 'src', 'package-lock.json'];
const GENERATED = /\.generated\.ts$/;

interface Stamp {
  hash: string;
  outputs: string[];
}

/** Files under `path` (a file or a folder, relative to root) that `keep` accepts, in a fixed order. */
function walk(root: string, path: string, keep: (path: string) => boolean, files: string[] = []): string[] {
  const full = join(root, path);
  if (!existsSync(full)) return files;
  if (statSync(full).isDirectory()) {
    for (const name of readdirSync(full).sort()) walk(root, join(path, name), keep, files);
  } else if (keep(path)) {
    files.push(path);
  }
  return files;
}

const isInput = (path: string) => !GENERATED.test(path) && path !== STAMP;

/** A hash of every input of the content build, by path and bytes. */
export function inputsHash(root: string): string {
  const files = INPUTS.flatMap((input) => walk(root, input, isInput));
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${file}\0`).update(readFileSync(join(root, file))).update('\0');
  return hash.digest('hex');
}

/** The generated modules under src/, relative to root. */
export function generatedModules(root: string): string[] {
  return walk(root, 'src', (path) => GENERATED.test(path));
}

/** True when the last build's stamp matches today's inputs and every module it wrote is still there. */
export function isFresh(root: string): boolean {
  const path = join(root, STAMP);
  if (!existsSync(path)) return false;
  let stamp: Stamp;
  try {
    stamp = JSON.parse(readFileSync(path, 'utf8')) as Stamp;
  } catch {
    return false;
  }
  if (!Array.isArray(stamp.outputs) || stamp.outputs.length === 0) return false;
  if (!stamp.outputs.every((f) => existsSync(join(root, f)))) return false;
  return stamp.hash === inputsHash(root);
}

export function writeStamp(root: string): void {
  const stamp: Stamp = { hash: inputsHash(root), outputs: generatedModules(root) };
  writeFileSync(join(root, STAMP), `${JSON.stringify(stamp, null, 2)}\n`);
}
