// The terminal "channel": a sender that prints each message for a `cli` user as it is delivered.
import type { MessageBody, Sender } from '../../outbox/outbox';

export interface PrintedMessage {
  to: string;
  text: string;
  buttons: Array<{ label: string; payload: string }>;
  state: string | null;
}

export function createPrintingSender(print: (m: PrintedMessage) => void): Sender {
  return {
    async send(recipient: string, body: MessageBody) {
      print({ to: recipient, text: body.text, buttons: body.buttons, state: body.state });
      return { ok: true };
    },
  };
}
