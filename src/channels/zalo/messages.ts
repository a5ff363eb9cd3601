// Words the Zalo channel adds around the core's messages (the core's catalogue holds everything else).
export const zaloMessages = {
  /** Shown under a numbered menu, because Zalo /cs messages carry no buttons. */
  answerWithNumber: 'Trả lời bằng số (1–{n}).',
  answerWithNumberOne: 'Trả lời bằng số 1.',
  /** Above the OA's phone-call buttons that follow an emergency reply. */
  tapToCall: 'Bấm để gọi ngay:',
  /** A call button's title (Zalo limits titles; the number comes first). */
  callTitle: 'Gọi {number}',
};

export function answerHint(n: number): string {
  return n === 1 ? zaloMessages.answerWithNumberOne : zaloMessages.answerWithNumber.replace('{n}', String(n));
}
