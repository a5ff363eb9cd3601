// A photo sent from the web chat: checked by its bytes (JPEG, PNG or WebP), at most WEB_PHOTO_MAX_BYTES,
// and carried as a data: URI in the report draft, so it is sealed exactly like the apps' photo ids
// (in the encrypted draft, then in the case's encrypted details), never stored in the clear.
export const WEB_PHOTO_MAX_BYTES = 3 * 1024 * 1024;

export type PhotoCheck = { ok: true; uri: string } | { ok: false; error: 'photo-size' | 'photo-type' };

function imageType(b: Uint8Array): string | null {
  if (b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length > 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'image/png';
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
  if (b.length > 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  return null;
}

export async function photoDataUri(file: Blob): Promise<PhotoCheck> {
  if (file.size > WEB_PHOTO_MAX_BYTES) return { ok: false, error: 'photo-size' };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = imageType(bytes);
  if (!type) return { ok: false, error: 'photo-type' };
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { ok: true, uri: `data:${type};base64,${btoa(binary)}` };
}
