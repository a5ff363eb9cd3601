// "xem tình trạng" / `/status [BV-…]` for the reporter: plain words, only from the chat that filed it,
// never the officer's identity. Without a reference it answers for this chat's own reports.
import type { Ctx } from '../core/context';
import { answerStatus } from './reporter';
import { parseCaseRef } from './ref';

export async function reporterStatusCommand(ctx: Ctx, arg: string): Promise<void> {
  return answerStatus(ctx, arg ? (parseCaseRef(arg) ?? arg.slice(0, 20)) : null);
}
