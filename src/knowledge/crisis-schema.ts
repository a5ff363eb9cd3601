// Zod schema of content/crisis.yaml: the first reply to each kind of danger and to a disclosure.
// Texts name numbers only as {n1}, {n2}, {n3} (the kind's numbers, in order); the build checks that
// every number is a national line in hotlines.yaml and that no digits of a phone number slip in.
import * as z from 'zod';
import { DANGER_KINDS, DISCLOSURE_KINDS } from '../triage/outcome';

const text = z.string().trim().min(1);
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const sourceId = z.string().regex(/^[a-z0-9-]+$/);
const number = z.string().regex(/^\d{3,11}$/);

/** A reply in one language: the first action in one sentence, then 1–3 steps. */
const reply = z.object({ lead: text, steps: z.array(text).min(1).max(3) });
const bilingual = z.object({ vi: reply, en: reply });

const dangerSchema = z.object({
  numbers: z.array(number).min(1).max(3),
  guide: slug,
  sources: z.array(sourceId).min(1),
  vi: reply,
  en: reply,
  child: bilingual.optional(),
});

const disclosureVoice = z.object({
  vi: reply.extend({ steps: z.array(text).min(1).max(4), after: text }),
  en: reply.extend({ steps: z.array(text).min(1).max(4), after: text }),
});

const disclosureKind = z.object({
  guide: slug,
  sources: z.array(sourceId).min(1),
  vi: z.array(text).max(1),
  en: z.array(text).max(1),
  child_vi: z.array(text).max(1),
  child_en: z.array(text).max(1),
});

export const crisisSchema = z.object({
  sources: z.record(sourceId, z.object({ cite: text, url: z.url().optional() })),
  danger: z.object(Object.fromEntries(DANGER_KINDS.map((k) => [k, dangerSchema])) as Record<(typeof DANGER_KINDS)[number], typeof dangerSchema>),
  child_default: z.object({ vi: text, en: text }),
  disclosure: z.object({
    numbers: z.array(number).min(1).max(3),
    sources: z.array(sourceId).min(1),
    adult: disclosureVoice,
    child: disclosureVoice,
    kinds: z.object(
      Object.fromEntries(DISCLOSURE_KINDS.map((k) => [k, disclosureKind])) as Record<(typeof DISCLOSURE_KINDS)[number], typeof disclosureKind>,
    ),
  }),
});

export type CrisisContent = z.infer<typeof crisisSchema>;
export type CrisisReplyText = z.infer<typeof reply>;
