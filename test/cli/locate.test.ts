// `baove locate --jsonl` as a person runs it: one answer line per input line, in order.
import { describe, expect, it } from 'vitest';
import { runCli, tempDatabaseUrl } from '../support/cli';

describe('locate --jsonl', () => {
  it('answers an old address, a pin and a point at sea, one line each', () => {
    const input = ['phuong truc bach, quan ba dinh, ha noi', 'geo:21.0340,105.8400', 'geo:16.0,110.0', ''].join('\n') + '\n';
    const r = runCli(['locate', '--jsonl'], input, { DATABASE_URL: tempDatabaseUrl() });
    expect(r.status, r.stderr).toBe(0);
    const out = r.json();
    expect(out).toHaveLength(4);
    expect(out[0]).toMatchObject({ input: 'phuong truc bach, quan ba dinh, ha noi', commune: { code: '00004', province_code: '01' } });
    expect(out[1]).toMatchObject({ commune: { code: '00004' } });
    expect(out[2]).toEqual({ input: 'geo:16.0,110.0', commune: null, candidates: [] });
    expect(out[3]).toEqual({ input: '', commune: null, candidates: [] });
  });
});
