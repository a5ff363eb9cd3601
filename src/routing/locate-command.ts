// `locate --jsonl`: one free-text address (or `geo:LAT,LON`) per input line → one JSON line each,
// {"input", "commune": {code, name, province_code, province_name} | null, "candidates": [...]}.
import type { MapIndex } from './map-index';
import { resolveCommune } from './resolve';
import type { CommuneRef, LocateResult } from './types';

export interface LocateCommandIo {
  stdin: AsyncIterable<string>;
  out: (line: string) => void;
}

export interface LocateCommandDeps {
  index: MapIndex;
  locatePoint?: (p: { lat: number; lon: number }) => Promise<LocateResult>;
}

const GEO = /^geo:\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/iu;

/** Only the contract's fields, in the contract's order, whatever the producer attached. */
function ref(c: CommuneRef): CommuneRef {
  return { code: c.code, name: c.name, province_code: c.province_code, province_name: c.province_name };
}

async function locateLine(input: string, deps: LocateCommandDeps): Promise<LocateResult> {
  const geo = GEO.exec(input.trim());
  if (geo) {
    const lat = Number(geo[1]);
    const lon = Number(geo[2]);
    if (!deps.locatePoint || Math.abs(lat) > 90 || Math.abs(lon) > 180) return { commune: null, candidates: [] };
    return deps.locatePoint({ lat, lon });
  }
  if (/^geo:/iu.test(input.trim())) return { commune: null, candidates: [] };
  return resolveCommune(input, deps.index);
}

/** Splits chunks into lines, whether stdin yields lines or raw chunks. */
async function* lines(stdin: AsyncIterable<string>): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of stdin) {
    rest += chunk;
    let at: number;
    while ((at = rest.indexOf('\n')) >= 0) {
      yield rest.slice(0, at).replace(/\r$/u, '');
      rest = rest.slice(at + 1);
    }
  }
  if (rest !== '') yield rest.replace(/\r$/u, '');
}

/** Runs the command; returns the exit code (0: every line answered, even if with null). */
export async function locateCommand(io: LocateCommandIo, deps: LocateCommandDeps): Promise<number> {
  for await (const input of lines(io.stdin)) {
    let result: LocateResult = { commune: null, candidates: [] };
    try {
      result = await locateLine(input, deps);
    } catch {
      // A malformed line or a failing point lookup answers null; the run goes on.
    }
    io.out(
      JSON.stringify({
        input,
        commune: result.commune ? ref(result.commune) : null,
        candidates: (result.candidates ?? []).map(ref),
      }),
    );
  }
  return 0;
}
