// A guide's Markdown body as chat text. No channel renders Markdown here (Telegram is sent without a
// parse mode, Zalo and the web chat show plain text), so "## …", "**113**" and "[…](…)" would reach a
// parent as symbols. Headings become their own upper-case line, list marks become bullets, emphasis
// marks go, and a link keeps its text and address.
export function markdownToChat(md: string): string {
  return md
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => {
      const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
      if (heading) return inline(heading[1]!).toLocaleUpperCase('vi');
      const item = /^(\s*)[-*+]\s+(.*)$/.exec(line);
      if (item) return `${item[1]!.length >= 2 ? '   ◦ ' : '• '}${inline(item[2]!)}`;
      const quote = /^\s*>\s?(.*)$/.exec(line);
      if (quote) return inline(quote[1]!);
      if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) return '';
      return inline(line);
    })
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function inline(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g, (_, label: string, url: string) => (label && label !== url ? `${label} (${url})` : url))
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/__(.+?)__/g, '$1')
    .replace(/(^|[\s(])\*(?!\s)([^*]+?)\*(?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1');
}
