// Zod schemas for everything the knowledge build reads from content/: guides, synonyms,
// triage phrases, hotlines and off-topic vocabulary. Types used at run time come from here too.
import * as z from 'zod';

export const GUIDE_SLUGS = [
  'quy-tac-an-toan-co-the', 'dau-hieu-xam-hai-tinh-duc', 'dau-hieu-bao-luc-bo-mac',
  'khi-tre-ke-bi-xam-hai', 'cach-bao-tin-xam-hai', 'quy-trinh-xu-ly-tin-bao',
  'duong-day-nong', 'an-toan-tren-mang', 'xam-hai-qua-mang',
  'phong-chong-duoi-nuoc', 'so-cuu-duoi-nuoc', 'an-toan-giao-thong',
  'tai-nan-thuong-tich-trong-nha', 'bao-luc-gia-dinh', 'bao-luc-hoc-duong',
  'ky-luat-tich-cuc', 'lao-dong-tre-em', 'mua-ban-bat-coc-tre-em',
  'tre-di-lac-mat-tich', 'ho-tro-tam-ly', 'tro-giup-phap-ly',
  'y-te-cho-tre-bi-xam-hai', 'quyen-tre-em', 'giao-duc-gioi-tinh',
  'tre-o-nha-mot-minh', 'quyen-rieng-tu-cua-tre',
] as const;

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lower-case ASCII slug');
const text = z.string().trim().min(1);

export const sourceSchema = z.object({
  kind: z.enum(['law', 'plan', 'guidance']),
  cite: text,
  file: z.string().optional(),
  url: z.url().optional(),
});

export const frontmatterSchema = z.object({
  slug,
  title: text,
  title_en: text,
  summary: text.max(350),
  summary_en: text.max(350),
  tags: z.array(text).min(1),
  /** The tags in English, so an English question meets the guide's key words as it meets the Vietnamese ones. */
  tags_en: z.array(text).default([]),
  questions: z.array(text).min(6),
  related: z.array(slug),
  sources: z.array(sourceSchema).min(1),
  reviewed: z.boolean(),
  /**
   * Claims not yet checked against the law text: kept in the data for reviewers, never shown to
   * parents (the body must not state them until someone confirms them and moves them there).
   */
  unverified: z.array(z.object({ claim: text, note: text })).default([]),
});

export type Frontmatter = z.infer<typeof frontmatterSchema>;
export type Source = z.infer<typeof sourceSchema>;
/** A validated guide: its frontmatter plus the Markdown body (Vietnamese). */
export interface Guide extends Frontmatter {
  body: string;
}

const phraseList = z.array(z.string().trim().min(1));

export const synonymsSchema = z.object({
  /** `phrases`: question framing ("xử lý thế nào", "có sao không") that says how, not what, is asked. */
  stopwords: z.object({ vi: phraseList, en: phraseList, phrases: phraseList.default([]) }),
  /** Chat shorthand, one word each ("ko": "không", "ck": "chồng"), expanded before triage and search. */
  shorthand: z.record(z.string().regex(/^[\p{Ll}\p{N}]+$/u, 'one lower-case word'), z.string().trim().min(1)).default({}),
  groups: z.array(phraseList.min(2)),
  english: z.record(z.string(), phraseList.min(1)),
});
export type Synonyms = z.infer<typeof synonymsSchema>;

const CUE_GROUPS = ['present', 'recent', 'specific_child', 'first_person', 'first_person_en', 'distress', 'habitual'] as const;

/** One danger kind: its topic words, the cue groups that make a word danger now, and so on (content/triage.yaml). */
export const dangerKindSchema = z.object({
  topics: z.array(slug),
  cues: z.array(z.enum(CUE_GROUPS)),
  terms: phraseList,
  phrases: phraseList,
  child_terms: phraseList.optional(),
  extra_cues: phraseList.optional(),
  disclosure: z.enum(['sexual_abuse', 'violence', 'neglect', 'online', 'labour', 'other']).optional(),
  /**
   * Calm words ("vẫn chơi bình thường") make a past accident of this kind a question; `all`: even
   * when told with a child term ("nuốt hạt nho, vẫn chơi bình thường").
   */
  calm_cancels: z.union([z.boolean(), z.literal('all')]).optional(),
  /** Words that contain a term of this kind but are not this danger ("vết bỏng thuốc lá" is a mark of abuse). */
  except: phraseList.optional(),
});

export const disclosureKindSchema = z.object({ topics: z.array(slug), terms: phraseList, extra_cues: phraseList.optional() });

export const triageSchema = z.object({
  mask: phraseList,
  cries: phraseList,
  strong: phraseList,
  present: phraseList,
  present_weak: phraseList,
  recent: phraseList,
  past: phraseList,
  habitual: phraseList,
  hypothetical: phraseList,
  threat: phraseList,
  /** Words that open a hypothesis ("nếu", "if"); a threat inside one ("nếu ai đó dọa…") is imagined. */
  conditional: phraseList.optional(),
  /** Words that end a hypothesis and start its main clause ("thì", "then"). */
  condition_end: phraseList.optional(),
  /** English "now" words that count only right next to the danger word ("just swallowed"). */
  present_near: phraseList.optional(),
  /** The doubt of a panic ("phải làm gì", "what do I do"): a question asked so is never one about children in general. */
  panic: phraseList.optional(),
  prevention: phraseList,
  /** Worry or prevention that governs the danger words right after it ("sợ bé bị hóc", "để con không bị"). */
  worry: phraseList.optional(),
  /** Play, sport, school work and fiction ("chơi game", "tập võ", "bài văn"): not a child hurt now. */
  play: phraseList.optional(),
  /** Signs someone is really hurt, with which play does not cancel ("mặt tái", "nôn", "gãy"). */
  play_hurt: phraseList.optional(),
  /** The danger kinds play may cancel (never abuse, blackmail, trafficking, abduction, suicide talk). */
  play_kinds: z.array(z.string()).optional(),
  /** Single words that end what worry governs ("quá", "lắm", "rồi"), compared without marks. */
  worry_break: phraseList,
  /** A clause of when something keeps happening ("lúc", "mỗi khi", "while"): "đang" in it is not "now". */
  when_clause: phraseList,
  grown_up: phraseList,
  calm: phraseList,
  asking: phraseList,
  asking_where: phraseList,
  how: phraseList,
  specific_child: phraseList,
  first_person: phraseList,
  first_person_en: phraseList,
  distress: z.record(z.string(), phraseList),
  telling: phraseList,
  telling_time: phraseList.optional(),
  child_voice: phraseList,
  child_victim: phraseList,
  adult_voice: phraseList,
  /** Who is writing (src/triage/voice.ts): word classes and their weights. */
  voice: z
    .object({
      weights: z.record(z.string(), z.number()),
      self: phraseList,
      child_pronouns: phraseList,
      adult_pronouns: phraseList,
      elder_self: phraseList,
      junior: phraseList,
      connect: phraseList,
      elder: phraseList,
      spouse: phraseList,
      sibling: phraseList,
      adult_terms: phraseList,
      child_terms: phraseList,
      adult_roles: phraseList,
      child_roles: phraseList,
      years: phraseList,
      months: phraseList,
      grade: phraseList,
      age_fill: phraseList,
      young: phraseList,
      guess: phraseList,
      address_adult: phraseList,
      address_child: phraseList,
      en_junior: phraseList,
      en_elder: phraseList,
      en_spouse: phraseList,
      third: phraseList,
      child_words: phraseList,
    })
    .optional(),
  window: z.object({ before: z.number().int().min(1), after: z.number().int().min(0) }),
  danger: z.record(z.string(), dangerKindSchema),
  disclosure: z.record(z.enum(['sexual_abuse', 'violence', 'neglect', 'online', 'labour', 'other']), disclosureKindSchema),
  disclosure_default_topic: slug,
  /**
   * Circumstances that name the danger kind over others (session 11, docs/triage.md): when every
   * `when` list matches in one sentence or two that follow each other (neither told as the past),
   * and no `unless` word stands in the message, a danger of a kind in `over` is this kind ("ngã
   * xuống ao" + "không thở" is a drowning, not an injury). The first that applies wins.
   */
  kind_context: z
    .array(
      z.object({
        kind: z.string(),
        over: z.array(z.string()).min(1),
        when: z.array(phraseList).min(1),
        unless: phraseList.optional(),
        /** Why, for explanations ("water + not breathing"). */
        why: z.string(),
      }),
    )
    .optional(),
});
export type TriageRules = z.infer<typeof triageSchema>;

/** content/triage-examples.yaml: messages with the outcome the rules must give them (checked at build). */
export const triageExamplesSchema = z.object({
  examples: z
    .array(
      z.object({
        text,
        triage: z.enum(['danger', 'disclosure', 'question']),
        kind: z.string().regex(/^[a-z_]+$/).optional(),
      }),
    )
    .min(1),
});

const label = z.object({ vi: text, en: text });
export const hotlineSchema = z.object({
  number: z.string().regex(/^\d{3,11}$/),
  label,
  verified: z.boolean(),
});
export const hotlinesSchema = z.object({
  national: z.array(hotlineSchema).min(1),
  emergency_order: z.array(z.string()).min(1),
  // `province_code` (the current province's code) says whose users see the line, once it is verified.
  provincial: z.array(hotlineSchema.extend({ province: text, province_code: z.string().regex(/^\d{2}$/).optional(), source: z.string().optional() })),
});
export type Hotline = z.infer<typeof hotlineSchema> & { province?: string; province_code?: string; source?: string };
export type Hotlines = z.infer<typeof hotlinesSchema>;

export const offtopicSchema = z.object({
  phrases: z.record(z.string(), phraseList),
});
export type Offtopic = z.infer<typeof offtopicSchema>;
