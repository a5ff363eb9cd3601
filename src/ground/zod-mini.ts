// Schemas for what the Worker loads are written with zod/mini: its functions are tree-shaken, where
// zod's classic API brings every method of every schema type (about 19 KiB gzipped more in the
// Worker bundle), and a mini schema is cheaper to build. zod/mini loads no error messages of its own:
// they are set to zod's English ones before the first schema is built, as the classic API does.
import { config } from 'zod/mini';
import { en } from 'zod/locales';
import { once } from './once';

/** Sets zod's English error messages (once). A parse makes its messages when it fails, so a caller may set them only then and parse again. */
export const englishErrors = once(() => config(en()));

/** A schema built on first use (see once.ts), with zod's English error messages. */
export function lazySchema<T>(make: () => T): () => T {
  return once(() => {
    englishErrors();
    return make();
  });
}
