// How the content builders write a part of the content into a generated module: the expression that
// reads it at run time. Small parts are JSON text (`parsedOnce`); large ones JSON text compressed (brotli)
// and in base64 (`unpackedOnce`), a third to a half of the characters for V8 to scan at every Worker start-up
// (src/ground/once.ts says why).
import { brotliCompressSync, constants } from 'node:zlib';
import { jsonLiteral } from '../src/ground/once';

/** Parts whose JSON text is at least this long are compressed (hotlines and other small parts stay plain). */
export const COMPRESS_FROM_CHARS = 8192;

/** `parsedOnce<T>("…")` or `unpackedOnce<T>('…')` for `value`; `type` is written as T. */
export function contentOnce(type: string, value: unknown): string {
  const json = JSON.stringify(value);
  if (json.length < COMPRESS_FROM_CHARS) return `parsedOnce<${type}>(${jsonLiteral(value)})`;
  const text = Buffer.from(json, 'utf8');
  const params = { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_SIZE_HINT]: text.length };
  const base64 = brotliCompressSync(text, { params }).toString('base64');
  return `unpackedOnce<${type}>('${base64}')`;
}

/** The import line for a generated module whose body uses `parsedOnce` and/or `unpackedOnce`. */
export function onceImport(body: string): string {
  const names = ['unpackedOnce', 'parsedOnce'].filter((n) => body.includes(`${n}<`));
  return `import { ${names.join(', ')} } from '../ground/once';\n`;
}
