// The sealed parts of a case (description, contact, place, coordinates, photos): seal on write, open on view.
import type { GeoPoint } from '../core/types';
import type { CommuneRef } from '../routing/types';
import type { Sealer } from '../ground/crypto';
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
  // Sealing is asynchronous (WebCrypto): the fields are sealed at once, not one after another.
  const [descriptionEnc, contactEnc, addressEnc, locationEnc, photoEnc] = await Promise.all([
    sealer.seal(d.description),
    d.contact ? sealer.seal(d.contact) : null,
    hasPlace ? sealer.seal(JSON.stringify(d.place)) : null,
    d.point ? sealer.seal(JSON.stringify({ lat: d.point.lat, lon: d.point.lon })) : null,
    d.photos.length ? sealer.seal(JSON.stringify(d.photos)) : null,
  ]);
  return { descriptionEnc, contactEnc, addressEnc, locationEnc, photoEnc };
}

/** The details exactly as `openDetails` reads them back once sealed (what was not stored is not kept). */
export function asStored(d: CaseDetails): CaseDetails {
  const hasPlace = d.place.text !== undefined || d.place.commune !== undefined;
  return {
    description: d.description,
    contact: d.contact || null,
    place: hasPlace ? (JSON.parse(JSON.stringify(d.place)) as Place) : {},
    point: d.point ? { lat: d.point.lat, lon: d.point.lon } : null,
    photos: [...d.photos],
  };
}

export async function openDetails(sealer: Sealer, row: CaseRow): Promise<CaseDetails> {
  const json = async <T>(v: string | null, fallback: T): Promise<T> => (v ? (JSON.parse(await sealer.open(v)) as T) : fallback);
  const [description, contact, place, point, photos] = await Promise.all([
    sealer.open(row.descriptionEnc),
    row.contactEnc ? sealer.open(row.contactEnc) : null,
    json<Place>(row.addressEnc, {}),
    json<GeoPoint | null>(row.locationEnc, null),
    json<string[]>(row.photoEnc, []),
  ]);
  return { description, contact, place, point, photos };
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
