// The Worker must stay small enough to start fast at the edge: the gzipped bundle `wrangler deploy`
// would upload is at most 400 KiB (a size check, not a timing test).
import { describe, expect, it } from 'vitest';
import { benchBundle } from '../../scripts/bench/bundle';

describe('the Worker build', () => {
  it('bundles to at most 400 KiB gzipped', async () => {
    const { bundle_gzip_kib } = await benchBundle();
    expect(bundle_gzip_kib).toBeGreaterThan(50); // a real build, not an empty file
    expect(bundle_gzip_kib).toBeLessThanOrEqual(400);
  }, 120_000);

});
