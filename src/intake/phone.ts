// Vietnamese phone numbers: a 10-digit mobile (03/05/07/08/09) or an 11-digit landline (02x), as typed.

/** Returns the number in national form ("0912345678"), or null when it is not a Vietnamese number. */
export function normalizeVietnamesePhone(input: string): string | null {
  const compact = input.trim().replace(/[\s.\-()]/g, '');
  if (!/^\+?\d+$/.test(compact)) return null;
  let national = compact;
  if (national.startsWith('+84')) national = '0' + national.slice(3);
  else if (national.startsWith('84') && national.length >= 11) national = '0' + national.slice(2);
  if (/^0[35789]\d{8}$/.test(national)) return national;
  if (/^02\d{9}$/.test(national)) return national;
  return null;
}
