// `/status [BV-…]` for the reporter: plain words, only from the chat that filed it, never the officer's identity.
import type { Ctx } from '../core/context';
import { answerStatus } from '../cases/reporter';
import { parseCaseRef } from './ref';

export async function reporterStatusCommand(ctx: Ctx, arg: string): Promise<void> {
  // Without a reference: every report this chat sent.
  return answerStatus(ctx, arg ? (parseCaseRef(arg) ?? arg.slice(0, 20)) : null);
}
