// `locate --jsonl`: one address per line in, one JSON object per line out, in order, never a crash.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { locateCommand } from '../../src/routing/locate-command';
import { mapIndexFromFiles } from '../../src/routing/map-records';
import type { MapIndex } from '../../src/routing/map-index';
import type { LocateResult } from '../../src/routing/types';

const MAP_DIR = fileURLToPath(new URL('../../content/map/', import.meta.url));
let index: MapIndex;
beforeAll(() => {
  index = mapIndexFromFiles(MAP_DIR);
});

async function* from(chunks: string[]): AsyncGenerator<string> {
  for (const chunk of chunks) yield chunk;
}

async function run(chunks: string[], locatePoint?: (p: { lat: number; lon: number }) => Promise<LocateResult>) {
  const out: string[] = [];
  const code = await locateCommand({ stdin: from(chunks), out: (line) => out.push(line) }, { index, locatePoint });
  return { code, out: out.map((line) => JSON.parse(line) as Record<string, unknown>), raw: out };
}

describe('locate --jsonl', () => {
  it('answers each address line with input, commune and candidates', async () => {
    const { code, out } = await run(['Xã Nà Tăm, huyện Tam Đường, Lai Châu\n', 'Tân An\n']);
    expect(code).toBe(0);
    expect(out).toHaveLength(2);
    expect(out[0]).toEqual({
      input: 'Xã Nà Tăm, huyện Tam Đường, Lai Châu',
      commune: { code: '03424', name: 'Xã Bản Bo', province_code: '12', province_name: 'Tỉnh Lai Châu' },
      candidates: [{ code: '03424', name: 'Xã Bản Bo', province_code: '12', province_name: 'Tỉnh Lai Châu' }],
    });
    expect(Object.keys(out[1]!)).toEqual(['input', 'commune', 'candidates']);
    expect(out[1]!.commune).toBeNull();
    expect((out[1]!.candidates as unknown[]).length).toBeGreaterThan(1);
  });

  it('reassembles lines split across chunks and keeps their order', async () => {
    const { out } = await run(['P. Ba Đ', 'ình, Hà Nội\nphuong ben thanh', ', tp hcm']);
    expect(out.map((o) => o.input)).toEqual(['P. Ba Đình, Hà Nội', 'phuong ben thanh, tp hcm']);
    expect(out.map((o) => (o.commune as { code: string } | null)?.code)).toEqual(['00004', '26743']);
  });

  it('passes a shared location to the point lookup', async () => {
    const seen: { lat: number; lon: number }[] = [];
    const ref = { code: '00004', name: 'Phường Ba Đình', province_code: '01', province_name: 'Thành phố Hà Nội' };
    const { out } = await run(['geo:21.0341,105.8372\n'], async (p) => {
      seen.push(p);
      return { commune: ref, candidates: [ref] };
    });
    expect(seen).toEqual([{ lat: 21.0341, lon: 105.8372 }]);
    expect(out[0]).toEqual({ input: 'geo:21.0341,105.8372', commune: ref, candidates: [ref] });
  });

  it('answers null for a location when no point lookup is available, or when it fails', async () => {
    expect((await run(['geo:21.0341,105.8372\n'])).out[0]).toEqual({ input: 'geo:21.0341,105.8372', commune: null, candidates: [] });
    const failing = await run(['geo:10,106\n'], async () => {
      throw new Error('boom');
    });
    expect(failing.out[0]).toEqual({ input: 'geo:10,106', commune: null, candidates: [] });
  });

  it('answers null for malformed lines and goes on', async () => {
    const { code, out } = await run(['\n', 'geo:abc\n', 'geo:200,500\n', '{"not":"an address"}\n', 'Phường Ba Đình, Hà Nội\n']);
    expect(code).toBe(0);
    expect(out).toHaveLength(5);
    for (const o of out.slice(0, 4)) expect(o).toMatchObject({ commune: null, candidates: [] });
    expect((out[4]!.commune as { code: string }).code).toBe('00004');
  });
});
