// The layout of issue 16: intake, case work and the officer directory have their own homes, and the
// sealer and the logger sit on the ground: every layer imports them from src/ground, and the ground
// imports nothing of the app.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../../src', import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const imports = (path: string) => [...readFileSync(path, 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]!);

describe('the layout', () => {
  it('gives intake, case work and the officer directory their own folders', () => {
    for (const [dir, file] of [
      ['intake', 'intake.ts'],
      ['cases', 'transfer.ts'],
      ['cases', 'procedure.ts'],
      ['directory', 'officers.ts'],
    ]) {
      expect(statSync(join(SRC, dir!, file!)).isFile(), `${dir}/${file}`).toBe(true);
    }
  });

  it('the ground imports nothing of the app, and the sealer and logger are imported only from the ground', () => {
    const ground = files(join(SRC, 'ground'));
    expect(ground.map((f) => relative(SRC, f))).toEqual(expect.arrayContaining(['ground/crypto-node.ts', 'ground/crypto.ts', 'ground/log.ts']));
    for (const f of ground) expect(imports(f).filter((i) => i.startsWith('.') && !i.startsWith('./')), relative(SRC, f)).toEqual([]);
    const strays = files(SRC)
      .filter((f) => !f.startsWith(join(SRC, 'ground')))
      .flatMap((f) => imports(f).filter((i) => /\/(crypto|crypto-node|log)$/.test(i) && !/\/ground\/(crypto|crypto-node|log)$/.test(i)).map((i) => `${relative(SRC, f)}: ${i}`));
    expect(strays).toEqual([]);
  });
});
