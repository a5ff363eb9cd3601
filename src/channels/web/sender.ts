// The web chat's sender: the page reads the visitor's outbox rows itself, so "sending" only marks them sent.
import type { Sender } from '../../outbox/outbox';

export function createWebSender(): Sender {
  return {
    async send() {
      return { ok: true };
    },
  };
}
