// Case reference codes such as BV-7K3Q9M: six characters that cannot be misread (no 0/O, 1/I/L, U/V).
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ';
const REF_RE = new RegExp(`^BV-[${ALPHABET}]{6}$`);

export function newCaseRef(): string {
  return 'BV-' + randomChars(6);
}

/** Random characters from the unambiguous alphabet (also used for invite codes). */
export function randomChars(n: number): string {
  const out: string[] = [];
  // Rejection sampling keeps every character equally likely.
  while (out.length < n) {
    for (const b of crypto.getRandomValues(new Uint8Array(n * 2))) {
      if (b < 256 - (256 % ALPHABET.length) && out.length < n) out.push(ALPHABET[b % ALPHABET.length]!);
    }
  }
  return out.join('');
}

/** Reads a reference as people type it: "bv 7k3q9m", "BV7K3Q9M" → "BV-7K3Q9M"; null if not one. */
export function parseCaseRef(text: string): string | null {
  const compact = text.trim().toUpperCase().replace(/[\s_\u2013\u2014-]/g, '') /* – — - */;
  const m = /^BV([A-Z0-9]{6})$/.exec(compact);
  if (!m) return null;
  const ref = `BV-${m[1]}`;
  return REF_RE.test(ref) ? ref : null;
}
