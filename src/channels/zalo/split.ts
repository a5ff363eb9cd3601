// Splits long text for Zalo (about 2,000 characters per message), on paragraph boundaries where it can.
export const ZALO_TEXT_LIMIT = 2000;

export function splitZaloText(text: string, limit = ZALO_TEXT_LIMIT): string[] {
  if (text.length <= limit) return [text];
  const parts: string[] = [];
  let current = '';
  const push = () => {
    if (current.trim()) parts.push(current.trim());
    current = '';
  };
  for (const paragraph of text.split(/\n{2,}/)) {
    const candidate = current ? `${current}\n\n${paragraph}` : paragraph;
    if (candidate.length <= limit) {
      current = candidate;
      continue;
    }
    push();
    if (paragraph.length <= limit) {
      current = paragraph;
      continue;
    }
    // A single paragraph longer than the limit: cut at a line, then a sentence, then a space.
    let rest = paragraph;
    while (rest.length > limit) {
      const cut = bestCut(rest, limit);
      parts.push(rest.slice(0, cut).trim());
      rest = rest.slice(cut).trimStart();
    }
    current = rest;
  }
  push();
  return parts;
}

function bestCut(text: string, limit: number): number {
  const window = text.slice(0, limit);
  const minimum = Math.floor(limit / 2);
  for (const sep of ['\n', '. ', '; ', ', ', ' ']) {
    const at = window.lastIndexOf(sep);
    if (at >= minimum) return at + sep.length;
  }
  return limit;
}
