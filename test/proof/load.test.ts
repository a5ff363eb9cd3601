// The load test, CI-sized: the real Node server on loopback, 50 citizens each filing a whole report by
// Telegram webhook at once (autocannon). No errors, no lost or duplicated case, every officer notified
// once. (`npm run loadtest` runs 1,000; the numbers are in SECURITY.md and the README.)
import { describe, expect, it } from 'vitest';
import { runLoadTest } from '../../scripts/loadtest';

describe('50 citizens report at the same time through the Telegram webhook', () => {
  it('all get through: every case filed once, routed, audited, and its officer notified exactly once', async () => {
    const s = await runLoadTest({ users: 50, connections: 25, log: () => undefined });
    expect(s.requests).toBe(50 * 7);
    expect(s.non2xx).toBe(0);
    expect(s.errors).toBe(0);
    expect(s.timeouts).toBe(0);
    expect(s.cases).toBe(50);
    expect(s.duplicate_cases).toBe(0);
    expect(s.cases_without_audit).toBe(0);
    expect(s.misrouted_cases).toBe(0);
    expect(s.officer_notifications_sent).toBe(50);
    expect(s.officer_notifications_duplicated).toBe(0);
    expect(s.outbox_not_sent).toBe(0);
    expect(s.citizen_replies_sent).toBe(50 * 7);
    expect(s.ok).toBe(true);
  }, 180_000);
});
