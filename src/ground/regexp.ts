// Regular expressions with Unicode property classes (\p{L}, \p{M}, \p{Ll}…), made on first use.
// V8 checks every regex literal while it parses the script, and for a \p{…} class ICU builds the whole
// class there (thousands of ranges): ~2 M instructions per literal, paid at every Worker isolate's
// start-up even when the function holding it never runs (3 Dec, session 8: the bundle's ten such
// literals were 16.5 M of its ~215 M). A pattern in a string is only read when the RegExp is made.
import { once } from './once';

/**
 * `lazyRegExp(String.raw`[\p{L}\p{N}]+`, 'gu')()` is the regex `/[\p{L}\p{N}]+/gu`, made once on the
 * first call. One object is shared by every caller: fine for replace, match and split (they start
 * from lastIndex 0 and collect every match before a replacer runs); keep `exec`/`test` loops on a
 * global one to a single caller at a time. A pattern with letters outside ASCII goes in a plain string
 * (`'\\b(phim|bài hát)'`), not String.raw: esbuild escapes a string's letters, not a raw template's.
 */
export function lazyRegExp(pattern: string, flags: string): () => RegExp {
  return once(() => new RegExp(pattern, flags));
}

/** Combining marks (`\p{M}+`): after NFD, the tones and vowel marks that folding removes. */
export const combiningMarks = lazyRegExp(String.raw`\p{M}+`, 'gu');
