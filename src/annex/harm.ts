// The kind of harm of a case, for the annex: chosen by staff on the case page (never guessed from the
// report's words), recorded as a case event whose tag is the kind. A case with none is "Chưa phân loại".
export const HARM_KINDS = ['violence', 'sexual_abuse', 'exploitation', 'trafficking', 'abandonment', 'neglect', 'online', 'other'] as const;
export type HarmKind = (typeof HARM_KINDS)[number];

export function isHarmKind(s: string): s is HarmKind {
  return (HARM_KINDS as readonly string[]).includes(s);
}
