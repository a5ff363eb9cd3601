// The `ask` CLI command (DESIGN.md): `ask "question"` prints the answer text; `ask --json "q"`
// prints {"topic","emergency","triage","score","answer"} (`emergency` ⇔ triage "danger"); `ask --jsonl` answers each stdin line, in order.
import type { Lang } from '../core/types';
import { firstCrisisReply } from './crisis-replies';
import { ask, renderAnswer, type AskResult } from './index';

export interface AskIo {
  stdin: AsyncIterable<string>;
  out: (line: string) => void;
  /** Where usage errors go (stderr); JSON modes never print anything else on `out`. */
  err?: (line: string) => void;
}

const USAGE = 'usage: ask [--json] [--lang vi|en] "question"  |  ask --jsonl [--lang vi|en] < questions.txt';

interface AskJson {
  topic: string | null;
  emergency: boolean;
  triage: 'danger' | 'disclosure' | 'question';
  score: number;
  answer: string;
}

/**
 * The answer text the chat would send: the crisis reply for danger or a disclosure (in the writer's
 * language unless --lang says otherwise), else the guide answer.
 */
function answerText(result: AskResult, lang: Lang | undefined): string {
  const t = result.triage;
  if (t.triage !== 'question') return firstCrisisReply({ ...t, lang: lang ?? t.lang }).text;
  return renderAnswer(result, lang ?? (t.lang === 'en' ? 'en' : 'vi')).text;
}

function toJson(result: AskResult, lang: Lang | undefined): AskJson {
  return {
    topic: result.topic,
    emergency: result.triage.triage === 'danger',
    triage: result.triage.triage,
    score: result.score,
    answer: answerText(result, lang),
  };
}

/** A stdin line is a question; a JSON object line with "q" (as in the eval files) is accepted too. */
function questionOf(line: string): string {
  const trimmed = line.trim();
  if (trimmed.startsWith('{')) {
    try {
      const parsed = JSON.parse(trimmed) as { q?: unknown; question?: unknown; text?: unknown };
      const q = parsed.q ?? parsed.question ?? parsed.text;
      if (typeof q === 'string') return q;
    } catch {
      // not JSON: treat the line as the question itself
    }
  }
  return trimmed;
}

export async function askCommand(args: string[], io: AskIo): Promise<number> {
  const err = io.err ?? (() => {});
  let mode: 'text' | 'json' | 'jsonl' = 'text';
  let lang: Lang | undefined;
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--json') mode = 'json';
    else if (a === '--jsonl') mode = 'jsonl';
    else if (a === '--lang') {
      const v = args[++i];
      if (v !== 'vi' && v !== 'en') {
        err(USAGE);
        return 2;
      }
      lang = v;
    } else if (a === '--en') lang = 'en';
    else words.push(a);
  }

  if (mode === 'jsonl') {
    for await (const line of io.stdin) {
      const q = questionOf(line);
      if (q.length === 0) continue;
      io.out(JSON.stringify(toJson(ask(q), lang)));
    }
    return 0;
  }

  const question = words.join(' ').trim();
  if (question.length === 0) {
    err(USAGE);
    return 2;
  }
  const result = ask(question);
  if (mode === 'json') io.out(JSON.stringify(toJson(result, lang)));
  else io.out(answerText(result, lang));
  return 0;
}
