// The bot never asks anyone to type a slash command: no message catalogue mentions one.
import { describe, expect, it } from 'vitest';
import { adminText } from '../../src/admin/messages';
import { caseWorkMessages } from '../../src/cases/messages';
import { webChatText } from '../../src/channels/web/messages';
import { zaloMessages } from '../../src/channels/zalo/messages';
import { catalogues } from '../../src/core/messages';
import { messages as knowledgeMessages } from '../../src/knowledge/messages';
import { reminderMessages } from '../../src/reminders/messages';
import { reportsMessages } from '../../src/reports/messages';

/** Every string in a catalogue, with its path. */
function strings(value: unknown, path: string, out: Array<[string, string]> = []): Array<[string, string]> {
  if (typeof value === 'string') out.push([path, value]);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) strings(v, `${path}.${k}`, out);
  return out;
}

const SLASH_COMMAND = /(^|[\s"'(“])\/[a-z]{3,}/i;

describe('message catalogues', () => {
  it('ask for words and buttons, never for a slash command', () => {
    const all = [
      ...strings(catalogues, 'core'),
      ...strings(reportsMessages, 'reports'),
      ...strings(caseWorkMessages, 'cases'),
      ...strings(reminderMessages, 'reminders'),
      ...strings(knowledgeMessages, 'knowledge'),
      ...strings(webChatText, 'web'),
      ...strings(zaloMessages, 'zalo'),
      ...strings(adminText, 'admin'),
    ];
    expect(all.length).toBeGreaterThan(300);
    expect(all.filter(([, text]) => SLASH_COMMAND.test(text)).map(([path, text]) => `${path}: ${text}`)).toEqual([]);
  });
});
