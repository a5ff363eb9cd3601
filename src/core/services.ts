// Capabilities the conversation core uses through narrow interfaces, so each runtime can plug its own.
import type { LocateResult, CommuneRef } from '../routing/types';
import type { GeoPoint } from './types';

export interface Services {
  /** Free-text address → commune or candidates (never a silent guess). */
  resolveAddress?: (text: string) => Promise<LocateResult>;
  /** A shared GPS location → commune; near a border, several candidates. */
  locatePoint?: (point: GeoPoint) => Promise<LocateResult & { nearBorder?: boolean }>;
  /** Looks up a current commune by code. */
  commune?: (code: string) => Promise<CommuneRef | undefined>;
}
