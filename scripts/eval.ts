// `npm run eval [-- FILE.jsonl ...] [--verbose] [--without-topic-model]`: scores question answering on labelled sets (default:
// the dev set test/fixtures/questions.jsonl and the held-out-style set questions-holdout.jsonl, which
// is written to the same brief but not tuned question by question) and compares each with an out-of-the-box MiniSearch baseline
// (default tokenizer, no folding, no synonyms, no bigrams, no triage, same fields and boosts).
// Each line: {"q": "...", "topic": slug | null, "emergency": bool, "offtopic": bool, "lang"?: "en"}.
import { existsSync, readFileSync } from 'node:fs';
import MiniSearch from 'minisearch';
import * as compiled from '../src/knowledge/compiled.generated';
import { compiledContent } from '../src/knowledge';
import { createKnowledge } from '../src/knowledge/knowledge';
import { FIELD_BOOSTS, INDEX_FIELDS, toIndexedDoc, type IndexedDoc } from '../src/knowledge/search-index';
import { fold, normalize } from '../src/knowledge/text';
import { classifyTriage, classifyTriageRulesOnly } from '../src/triage';
import { readTriageSet, reportTriage, scoreTriage } from './eval-triage';

interface Labelled {
  q: string;
  topic: string | null;
  emergency: boolean;
  offtopic: boolean;
  lang?: string;
}

interface Prediction {
  topic: string | null;
  emergency: boolean;
}

type System = (q: string) => Prediction;

function readSet(path: string): Labelled[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .map((l, i) => {
      const x = JSON.parse(l) as Partial<Labelled>;
      if (typeof x.q !== 'string') throw new Error(`${path}:${i + 1}: missing "q"`);
      return { q: x.q, topic: x.topic ?? null, emergency: x.emergency ?? false, offtopic: x.offtopic ?? false, lang: x.lang };
    });
}

/** Vietnamese typed without any diacritics (English questions are counted separately). */
function withoutDiacritics(x: Labelled): boolean {
  return x.lang !== 'en' && fold(x.q) === normalize(x.q);
}

interface Scores {
  top1: [number, number];
  top1NoMarks: [number, number];
  top1English: [number, number];
  emergencyRecall: [number, number];
  falseEmergency: [number, number];
  offtopicRejection: [number, number];
  misses: string[];
}

function score(set: Labelled[], system: System): Scores {
  const s: Scores = {
    top1: [0, 0],
    top1NoMarks: [0, 0],
    top1English: [0, 0],
    emergencyRecall: [0, 0],
    falseEmergency: [0, 0],
    offtopicRejection: [0, 0],
    misses: [],
  };
  const tally = (t: [number, number], ok: boolean) => {
    t[0] += ok ? 1 : 0;
    t[1] += 1;
  };
  for (const x of set) {
    const p = system(x.q);
    if (x.topic) {
      const ok = p.topic === x.topic;
      tally(s.top1, ok);
      if (withoutDiacritics(x)) tally(s.top1NoMarks, ok);
      if (x.lang === 'en') tally(s.top1English, ok);
      if (!ok) s.misses.push(`topic   ${x.q}  →  ${p.topic ?? 'null'} (want ${x.topic})`);
    }
    if (x.emergency) {
      tally(s.emergencyRecall, p.emergency);
      if (!p.emergency) s.misses.push(`missed emergency   ${x.q}`);
    } else {
      tally(s.falseEmergency, p.emergency);
      if (p.emergency) s.misses.push(`false emergency   ${x.q}`);
    }
    if (x.offtopic) {
      const rejected = p.topic === null && !p.emergency;
      tally(s.offtopicRejection, rejected);
      if (!rejected) s.misses.push(`off-topic answered   ${x.q}  →  ${p.topic}`);
    }
  }
  return s;
}

/** `withTopicModel: false`: the search alone ranks (the system before the topic classifier, for an A/B). */
function ours(withTopicModel = true): System {
  const k = createKnowledge(withTopicModel ? compiledContent : withoutTopicModel(compiledContent));
  return (q) => {
    const r = k.ask(q);
    return { topic: r.topic, emergency: r.kind === 'emergency' };
  };
}

function withoutTopicModel(c: typeof compiledContent): typeof compiledContent {
  const { topicModel: _, ...rest } = c;
  return rest;
}

/** MiniSearch as it comes: default tokenizer and lower-casing, top result taken as the answer. */
function baseline(): System {
  const index = new MiniSearch<IndexedDoc>({ fields: [...INDEX_FIELDS] });
  index.addAll(compiled.guides().map(toIndexedDoc));
  return (q) => {
    const top = index.search(q, { boost: FIELD_BOOSTS })[0];
    return { topic: top ? String(top.id) : null, emergency: false };
  };
}

const pct = ([ok, n]: [number, number]) => (n === 0 ? '   n/a' : `${((100 * ok) / n).toFixed(1).padStart(5)}%`);
const frac = ([ok, n]: [number, number]) => `(${ok}/${n})`.padEnd(10);

function report(name: string, s: Scores): void {
  const rows: Array<[string, [number, number], string]> = [
    ['top-1 accuracy', s.top1, '≥ 90%'],
    ['top-1 without diacritics', s.top1NoMarks, '≥ 85%'],
    ['top-1 English', s.top1English, ''],
    ['emergency recall', s.emergencyRecall, '100%'],
    ['false emergencies', s.falseEmergency, '≤ 5%'],
    ['off-topic rejection', s.offtopicRejection, '100%'],
  ];
  console.log(`\n${name}`);
  for (const [label, t, target] of rows) console.log(`  ${label.padEnd(26)} ${pct(t)} ${frac(t)} ${target}`);
}

const args = process.argv.slice(2);
const verbose = args.includes('--verbose') || args.includes('-v');
const DEFAULT_SETS = [
  'test/fixtures/questions.jsonl',
  'test/fixtures/questions-holdout.jsonl',
  // Triage sets: our own phrasings (tuned on), the part kept aside, and the dev set written apart.
  'test/fixtures/triage-own.jsonl',
  'test/fixtures/triage-own-aside.jsonl',
  'test/fixtures/triage-dev.jsonl',
  // Written before the issue-15 false-alarm work (edge questions, varied dangers), a third kept aside.
  'test/fixtures/triage-own2.jsonl',
  'test/fixtures/triage-own2-aside.jsonl',
  // Session 9: 605 fresh messages (English, long posts, the child's voice), a third kept aside.
  'test/fixtures/triage-own3.jsonl',
  'test/fixtures/triage-own3-aside.jsonl',
].filter((p) => existsSync(p));
const named = args.filter((a) => !a.startsWith('-'));
const system = ours(!args.includes('--without-topic-model'));
const base = baseline();

/** A triage set labels each line with "triage" (danger, disclosure or question). */
function isTriageSet(path: string): boolean {
  const first = readFileSync(path, 'utf8').split('\n').find((l) => l.trim());
  return first !== undefined && 'triage' in (JSON.parse(first) as object);
}

for (const path of named.length > 0 ? named : DEFAULT_SETS) {
  if (isTriageSet(path)) {
    const set = readTriageSet(path);
    const count = (t: string) => set.filter((x) => x.triage === t).length;
    console.log(
      `\n=== ${path}: ${set.length} messages, ${count('danger')} danger, ${count('disclosure')} disclosures, ` +
        `${count('question')} questions`,
    );
    // Rules alone, then rules + the classifier trained at build time (what the bot runs). Misses are
    // listed for the combined triage only, and never for the set kept aside (measure it, do not tune on it).
    reportTriage(scoreTriage(set, classifyTriageRulesOnly), false, 'Triage, rules only');
    reportTriage(scoreTriage(set, classifyTriage), verbose && !path.includes('aside'), 'Triage, rules + classifier');
    continue;
  }
  const set = readSet(path);
  const noMarks = set.filter(withoutDiacritics).length;
  console.log(
    `\n=== ${path}: ${set.length} questions, ${set.filter((x) => x.topic).length} with a topic, ` +
      `${noMarks} (${Math.round((100 * noMarks) / set.length)}%) Vietnamese without diacritics, ` +
      `${set.filter((x) => x.lang === 'en').length} English, ${set.filter((x) => x.emergency).length} emergencies, ` +
      `${set.filter((x) => x.offtopic).length} off-topic`,
  );
  const mine = score(set, system);
  report('BảoVệ (folding, bigrams, synonyms, triage, confidence threshold)', mine);
  report('Baseline (MiniSearch defaults, no folding/synonyms/bigrams/triage/threshold)', score(set, base));
  if (verbose) {
    console.log('\nBảoVệ misses:');
    for (const m of mine.misses) console.log(`  ${m}`);
  }
}
