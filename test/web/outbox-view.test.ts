// Why a message waits, in staff words: its last error, a channel this server cannot send on, or its turn.
import { describe, expect, it } from 'vitest';
import { waitReason, type ProblemMessage } from '../../src/admin/outbox-view';

const at = new Date('2026-11-25T03:00:00Z');
const message = (over: Partial<ProblemMessage>): ProblemMessage => ({
  id: 1,
  channel: 'zalo',
  kind: 'case',
  status: 'pending',
  attempts: 0,
  lastError: null,
  createdAt: at,
  nextAttemptAt: at,
  caseRef: null,
  officerName: 'Cán bộ A',
  ...over,
});

describe('why an outbox message has not gone', () => {
  it('says the channel is off when this server has no sender for it', () => {
    expect(waitReason(message({}), new Set(['telegram', 'web']), at)).toEqual({ kind: 'channelOff' });
  });
  it('gives the last error first, then the time of the next try', () => {
    expect(waitReason(message({ lastError: 'Forbidden: bot was blocked by the user' }), new Set(), at)).toEqual({ kind: 'error', error: 'Forbidden: bot was blocked by the user' });
    const later = new Date(at.getTime() + 60_000);
    expect(waitReason(message({ nextAttemptAt: later }), new Set(['zalo']), at)).toEqual({ kind: 'scheduled', at: later });
    expect(waitReason(message({}), new Set(['zalo']), at)).toEqual({ kind: 'queued' });
  });
});
