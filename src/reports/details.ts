// The sealed parts of a case (description, contact, place, coordinates, photos): seal on write, open on view.
import type { GeoPoint } from '../core/types';
import type { CommuneRef } from '../routing/types';
import type { Sealer } from './crypto';
import type { CaseRow } from './clocks';

/** Where it happened: the address as typed and the commune it resolved to (names kept for messages). */
export interface Place {
  text?: string;
  commune?: CommuneRef;
}

export interface CaseDetails {
  description: string;
  contact: string | null;
  place: Place;
  point: GeoPoint | null;
  photos: string[];
}

export interface SealedDetails {
  descriptionEnc: string;
  contactEnc: string | null;
  addressEnc: string | null;
  locationEnc: string | null;
  photoEnc: string | null;
}

export async function sealDetails(sealer: Sealer, d: CaseDetails): Promise<SealedDetails> {
  const hasPlace = d.place.text !== undefined || d.place.commune !== undefined;
  return {
    descriptionEnc: await sealer.seal(d.description),
    contactEnc: d.contact ? await sealer.seal(d.contact) : null,
    addressEnc: hasPlace ? await sealer.seal(JSON.stringify(d.place)) : null,
    locationEnc: d.point ? await sealer.seal(JSON.stringify({ lat: d.point.lat, lon: d.point.lon })) : null,
    photoEnc: d.photos.length ? await sealer.seal(JSON.stringify(d.photos)) : null,
  };
}

export async function openDetails(sealer: Sealer, row: CaseRow): Promise<CaseDetails> {
  const json = async <T>(v: string | null, fallback: T): Promise<T> => (v ? (JSON.parse(await sealer.open(v)) as T) : fallback);
  return {
    description: await sealer.open(row.descriptionEnc),
    contact: row.contactEnc ? await sealer.open(row.contactEnc) : null,
    place: await json<Place>(row.addressEnc, {}),
    point: await json<GeoPoint | null>(row.locationEnc, null),
    photos: await json<string[]>(row.photoEnc, []),
  };
}

/** Only the place (names for lists and escalations), without opening the description or contact. */
export async function openPlace(sealer: Sealer, row: Pick<CaseRow, 'addressEnc'>): Promise<Place> {
  return row.addressEnc ? (JSON.parse(await sealer.open(row.addressEnc)) as Place) : {};
}

export function mapLink(p: GeoPoint): string {
  const lat = p.lat.toFixed(5);
  const lon = p.lon.toFixed(5);
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`;
}
