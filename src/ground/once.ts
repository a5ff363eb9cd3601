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
