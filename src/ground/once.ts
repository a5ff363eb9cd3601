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
