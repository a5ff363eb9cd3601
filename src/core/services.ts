// Capabilities the conversation core uses through narrow interfaces, so each runtime can plug its own.
import type { InStatement } from '@libsql/client';
import type { Db } from '../db/db';
import type { LocateResult, CommuneRef } from '../routing/types';
import type { GeoPoint } from './types';

export interface Services {
  /**
   * Free-text address → commune or candidates (never a silent guess). A resolver that reads the
   * database reads through `db` when given (the update's own, so a read sent ahead is found there).
   */
  resolveAddress?: (text: string, db?: Db) => Promise<LocateResult>;
  /** The statements `resolveAddress(text)` will read, when it reads the database: sent ahead (core/prefetch.ts). */
  addressReads?: (text: string) => InStatement[];
  /** A shared GPS location → commune; near a border, several candidates. */
  locatePoint?: (point: GeoPoint) => Promise<LocateResult & { nearBorder?: boolean }>;
  /** Looks up a current commune by code. */
  commune?: (code: string) => Promise<CommuneRef | undefined>;
}
