import { PersonalIdentity } from './personal-identity';

/**
 * Display masks (脱敏) for screens and exports where a person must be recognisable to staff who
 * already know them but not identifiable to anyone else. They work on Unicode code points, so a
 * Chinese name is masked per character, never per UTF-16 unit.
 */
const chars = (s: string): string[] => Array.from(s);
const stars = (n: number): string => '*'.repeat(Math.max(0, n));

/** Keeps the first character (usually the family name): `张三丰` → `张**`, `张三` → `张*`. */
export function maskName(name: string): string {
  const c = chars(name.trim());
  if (c.length <= 1) return stars(c.length);
  return c[0] + stars(c.length - 1);
}

/**
 * Keeps the first 3 and last 4 digits of a number long enough to hide something in between
 * (`13812345678` → `138****5678`); shorter numbers keep only their last 2 characters.
 */
export function maskPhone(phone: string): string {
  const c = chars(phone.trim());
  if (c.length >= 8) return c.slice(0, 3).join('') + stars(c.length - 7) + c.slice(-4).join('');
  if (c.length > 2) return stars(c.length - 2) + c.slice(-2).join('');
  return stars(c.length);
}

/** Keeps the first 4 and last 4 characters; the birth date of an 18-digit ID number is hidden. */
export function maskIdNumber(idNumber: string): string {
  const c = chars(idNumber.trim());
  if (c.length > 8) return c.slice(0, 4).join('') + stars(c.length - 8) + c.slice(-4).join('');
  return stars(c.length);
}

/** Keeps the first character of the local part and the domain: `zhangsan@example.cn` → `z*******@example.cn`. */
export function maskEmail(email: string): string {
  const trimmed = email.trim();
  const at = trimmed.lastIndexOf('@');
  if (at <= 0) return stars(chars(trimmed).length);
  const local = chars(trimmed.slice(0, at));
  return local[0] + stars(local.length - 1) + trimmed.slice(at);
}

/** Keeps the first 6 characters (province / city / district) and hides the rest with `****`. */
export function maskAddress(address: string): string {
  const c = chars(address.trim());
  if (c.length <= 6) return c.slice(0, Math.max(0, c.length - 2)).join('') + '**';
  return c.slice(0, 6).join('') + '****';
}

/** Applies the field masks above to every field present. */
export function maskIdentity(identity: PersonalIdentity): PersonalIdentity {
  return {
    ...(identity.name !== undefined ? { name: maskName(identity.name) } : {}),
    ...(identity.phone !== undefined ? { phone: maskPhone(identity.phone) } : {}),
    ...(identity.idNumber !== undefined ? { idNumber: maskIdNumber(identity.idNumber) } : {}),
    ...(identity.address !== undefined ? { address: maskAddress(identity.address) } : {}),
    ...(identity.email !== undefined ? { email: maskEmail(identity.email) } : {}),
  };
}
