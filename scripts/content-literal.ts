// How the content builders write a part of the content into a generated module: the expression that
// reads it at run time. Small parts are JSON text (`parsedOnce`); large ones JSON text deflated and in
// base64 (`inflatedOnce`), a third to a half of the characters for V8 to scan at every Worker start-up
// (src/ground/once.ts says why).
import { deflateRawSync } from 'node:zlib';
import { jsonLiteral } from '../src/ground/once';

/** Parts whose JSON text is at least this long are deflated (hotlines and other small parts stay plain). */
export const DEFLATE_FROM_CHARS = 8192;

/** `parsedOnce<T>("…")` or `inflatedOnce<T>('…')` for `value`; `type` is written as T. */
export function contentOnce(type: string, value: unknown): string {
  const json = JSON.stringify(value);
  if (json.length < DEFLATE_FROM_CHARS) return `parsedOnce<${type}>(${jsonLiteral(value)})`;
  const base64 = deflateRawSync(Buffer.from(json, 'utf8'), { level: 9 }).toString('base64');
  return `inflatedOnce<${type}>('${base64}')`;
}

/** The import line for a generated module whose body uses `parsedOnce` and/or `inflatedOnce`. */
export function onceImport(body: string): string {
  const names = ['inflatedOnce', 'parsedOnce'].filter((n) => body.includes(`${n}<`));
  return `import { ${names.join(', ')} } from '../ground/once';\n`;
}
