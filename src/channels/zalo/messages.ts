// Words the Zalo channel adds around the core's messages (the core's catalogue holds everything else).
export const zaloMessages = {
  /** Shown under a numbered menu, because Zalo /cs messages carry no buttons. */
  answerWithNumber: 'Trả lời bằng số (1–{n}).',
  answerWithNumberOne: 'Trả lời bằng số 1.',
};

export function answerHint(n: number): string {
  return n === 1 ? zaloMessages.answerWithNumberOne : zaloMessages.answerWithNumber.replace('{n}', String(n));
}
