// A value made on first use and kept. For zod schemas above all: zod builds every schema object when
// the code runs, and module load is a Worker's start-up, paid by every new isolate.
export function once<T>(make: () => T): () => T {
  let made = false;
  let value: T;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value;
  };
}

/**
 * Content compiled into the bundle as JSON text, parsed on first use. V8 compiles a string literal
 * for a fraction of the cost of the same data as an object literal (which also becomes bytecode at
 * module load), and the parse is paid only by an isolate that reads the data.
 */
export function parsedOnce<T>(json: string): () => T {
  return once(() => JSON.parse(json) as T);
}

/**
 * Content compiled into the bundle as JSON text compressed with brotli and in base64 (`contentOnce` in
 * scripts/content-literal.ts writes it), decompressed and parsed on first use. A large text costs a
 * Worker's start-up by its length in the source (V8 scans each character of a string literal, an
 * escaped Vietnamese letter the slowest): ~20 instructions per character in Node, ~16 M of the 218 M
 * that loading the bundle took (3 Dec), ~29 M of workerd's start-up. zlib comes through
 * `process.getBuiltinModule` (Node ≥ 20.16, and workerd with `nodejs_compat`) on first use: a static
 * `import 'node:zlib'` would load Node's zlib and streams with the bundle, at every start.
 */
export function unpackedOnce<T>(base64: string): () => T {
  return once(() => {
    const zlib = process.getBuiltinModule('node:zlib');
    return JSON.parse(zlib.brotliDecompressSync(Buffer.from(base64, 'base64')).toString('utf8')) as T;
  });
}

/**
 * The source of a string literal holding `value` as JSON text, for the content builders
 * (scripts/content/*.ts) to write `parsedOnce(…)`. An apostrophe is written as the JSON escape
 * \u0027 (JSON.parse reads it back as '): the text then holds double quotes only, so esbuild quotes
 * it with '…' and escapes nothing for them. With both kinds of quote in it esbuild picks a template
 * literal, which V8 scans more slowly: ~6 M instructions more at every Worker start-up (3 Dec).
 */
export function jsonLiteral(value: unknown): string {
  return JSON.stringify(JSON.stringify(value).replace(/'/g, '\\u0027'));
}
