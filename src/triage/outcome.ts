// The triage contract shared by detection (src/triage) and the crisis replies (core/knowledge):
// every message is first sorted into danger now, a disclosure of abuse, or an ordinary question.

/** Dangers that need action in the first reply. */
export const DANGER_KINDS = [
  'drowning', // drowning, not breathing, unconscious
  'choking', // something stuck in the throat
  'poisoning', // chemicals, medicines, button battery, magnets
  'burn', // burns, scalds, electric shock
  'injury', // serious injury, fall, heavy bleeding, head injury
  'violence', // violence in progress against a child
  'sexual_abuse', // sexual abuse going on or just happened
  'abduction', // abduction, ransom, missing child
  'trafficking', // being sold or taken across a border
  'sextortion', // online blackmail or sextortion in progress
  'suicide', // self-harm or suicide talk
  'alone', // small child left alone or locked in (hot car included)
  'medical', // sudden illness: seizure, fainting, breathing trouble, a strong allergic reaction
  'unspecified', // a cry for help ("cứu với", "help me") with nothing that says what is happening
] as const;
export type DangerKind = (typeof DANGER_KINDS)[number];

/** What a disclosure is about; drives the disclosure reply's wording and the matching guide. */
export const DISCLOSURE_KINDS = ['sexual_abuse', 'violence', 'neglect', 'online', 'labour', 'other'] as const;
export type DisclosureKind = (typeof DISCLOSURE_KINDS)[number];

export type TriageOutcome =
  | { triage: 'danger'; kind: DangerKind; voice: 'child' | 'adult'; lang: 'vi' | 'en' }
  | { triage: 'disclosure'; kind: DisclosureKind; voice: 'child' | 'adult'; lang: 'vi' | 'en' }
  | { triage: 'question'; kind: null; voice: 'child' | 'adult'; lang: 'vi' | 'en' };
