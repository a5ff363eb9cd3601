// A command run straight after `npm install` builds the content first (package.json's pre-hooks run
// `build-content.ts --if-stale`); a later one skips the build when nothing it reads has changed.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isFresh, writeStamp } from '../../scripts/content-stamp';
import pkg from '../../package.json';

let root: string;
function tree(): string {
  root = mkdtempSync(join(tmpdir(), 'stamp-'));
  mkdirSync(join(root, 'content/guides'), { recursive: true });
  mkdirSync(join(root, 'src/knowledge'), { recursive: true });
  writeFileSync(join(root, 'content/guides/a.md'), 'title: A\n');
  writeFileSync(join(root, 'src/knowledge/search.ts'), 'export {};\n');
  writeFileSync(join(root, 'src/knowledge/compiled.generated.ts'), 'export const x = 1;\n');
  writeFileSync(join(root, 'package-lock.json'), '{}\n');
  return root;
}
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the content build stamp', () => {
  it('is stale before the first build, fresh after it, and stays fresh when only generated modules change', () => {
    tree();
    expect(isFresh(root)).toBe(false);
    writeStamp(root);
    expect(isFresh(root)).toBe(true);
    writeFileSync(join(root, 'src/knowledge/compiled.generated.ts'), 'export const x = 2;\n');
    expect(isFresh(root)).toBe(true);
  });

  it('is stale when a guide, the source or the lock file changes', () => {
    for (const file of ['content/guides/a.md', 'src/knowledge/search.ts', 'package-lock.json']) {
      tree();
      writeStamp(root);
      writeFileSync(join(root, file), 'changed\n');
      expect(isFresh(root), file).toBe(false);
      rmSync(root, { recursive: true, force: true });
    }
    tree();
  });

  it('is stale when a generated module is missing (a fresh clone, or one deleted by hand)', () => {
    tree();
    writeStamp(root);
    rmSync(join(root, 'src/knowledge/compiled.generated.ts'));
    expect(isFresh(root)).toBe(false);
  });

  it('runs before every command that imports the generated modules', () => {
    const scripts = pkg.scripts as Record<string, string>;
    for (const name of ['baove', 'eval', 'eval:locate', 'eval:geo', 'bench', 'loadtest']) {
      expect(scripts[`pre${name}`], name).toBe('tsx scripts/build-content.ts --if-stale');
    }
  });
});
