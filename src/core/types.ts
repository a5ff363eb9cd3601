// The contract between channel adapters and the conversation core.
export type Channel = 'telegram' | 'zalo' | 'cli' | 'web';
export const CHANNELS: readonly Channel[] = ['telegram', 'zalo', 'cli', 'web'];
export type Lang = 'vi' | 'en';

/** A button: a label for people, a short ASCII payload `area:action[:argument]` for the core. */
export interface Button {
  label: string;
  payload: string;
}

export interface GeoPoint {
  lat: number;
  lon: number;
}

/** Kinds of message the bot cannot read, in the order of the catalogue's `mediaKinds`. */
export const MEDIA_KINDS = ['sticker', 'voice', 'audio', 'video', 'file', 'link', 'gif', 'card', 'other'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/** One thing a user did, normalised by the channel adapter. */
export interface Incoming {
  channel: Channel;
  userId: string;
  text?: string;
  button?: string;
  location?: GeoPoint;
  photo?: { fileId: string };
  /** Something the bot cannot read (a sticker, a voice note, a file…): answered with a polite "write it in words". */
  media?: MediaKind;
  at: Date;
  /** Unique id of the inbound update (telegram:<update_id>, zalo:<msg_id>); repeats are ignored. */
  dedupeKey?: string;
  /**
   * The web chat's hashed client address (`core/client-address.ts`): messages and reports are also
   * limited per address, so a fresh cookie does not start a fresh allowance.
   */
  origin?: string;
  /** Sent from the demo web chat: a report it files is a demo case, seen only by demo officers. */
  demo?: boolean;
}

export interface Address {
  channel: Channel;
  userId: string;
}

/** A number offered as a one-tap call (always from content/hotlines.yaml), with its short label. */
export interface Call {
  number: string;
  label: string;
}

/**
 * What a reply carries besides text and buttons; channels render what they can. `calls`: the
 * numbers to offer as calls, the one to call first first. `tone`: a danger-now reply ('urgent') or
 * a reply to a disclosure of abuse ('disclosure'), which the web shows differently.
 */
export interface ReplyExtras {
  calls?: Call[];
  tone?: 'urgent' | 'disclosure';
  /** What a crisis reply answered, so a vague next message can be taken as its follow-up. */
  context?: CrisisContext;
}

/** The triage outcome a crisis reply answered (see src/triage/outcome.ts). */
export interface CrisisContext {
  triage: 'danger' | 'disclosure';
  kind: string;
  voice: 'child' | 'adult';
  lang: Lang;
}

/** One message the bot sends. `state` is the step the bot now waits for from that user. */
export interface Outgoing extends ReplyExtras {
  to: Address;
  text: string;
  buttons: Button[];
  state: string | null;
  kind?: 'reply' | 'case' | 'reminder' | 'escalation' | 'status';
  caseId?: number;
  /**
   * A Telegram file id to send as a photo, with `text` as its caption. Only ever queued for a
   * Telegram recipient of the same bot (a file id means nothing elsewhere).
   */
  photo?: string;
}
