import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { complaintError } from '../domain/complaint-errors';
import { ComplaintTicketQueries } from '../read-models/complaint-tickets.query';

/**
 * The complainant's way back in: a short ticket code to read out on the phone and a
 * high-entropy secret (144 random bits). Only a salted HMAC-SM3 of the secret is stored
 * (`ComplaintReceived.secretHash`); a fast keyed hash suffices because the secret is random,
 * not a password, and keeps the public endpoints cheap to serve.
 */

/** No 0/O, 1/I/L or U: nothing to confuse when read aloud or typed from paper. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const SECRET_HASH_SCHEME = 'hmac-sm3:v1';

/** `K7Q2-M9XD`: 8 characters (30^8 ≈ 6.6 × 10^11 codes). */
export function generateTicketCode(): string {
  let code = '';
  for (let i = 0; i < 8; i += 1) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** Upper-cases and re-inserts the dash, so `k7q2m9xd` and `K7Q2-M9XD` name the same ticket; null when malformed. */
export function normalizeTicketCode(input: string): string | null {
  const raw = input.toUpperCase().replace(/[\s-]/g, '');
  if (raw.length !== 8 || [...raw].some((c) => !CODE_ALPHABET.includes(c))) return null;
  return `${raw.slice(0, 4)}-${raw.slice(4)}`;
}

export function generateSecret(): string {
  return randomBytes(18).toString('base64url');
}

export function hashSecret(secret: string, salt: Buffer = randomBytes(16)): string {
  const mac = createHmac('sm3', salt).update(secret, 'utf8').digest('base64url');
  return `${SECRET_HASH_SCHEME}:${salt.toString('base64url')}:${mac}`;
}

/** Constant-time check; false for any malformed stored hash. */
export function verifySecret(secret: string, stored: string): boolean {
  const parts = stored.split(':');
  if (parts.length !== 4 || `${parts[0]}:${parts[1]}` !== SECRET_HASH_SCHEME) return false;
  const expected = Buffer.from(parts[3]!, 'base64url');
  const actual = Buffer.from(hashSecret(secret, Buffer.from(parts[2]!, 'base64url')).split(':')[3]!, 'base64url');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** A stored hash that no secret matches, compared against for unknown codes (same work, same time). */
export const DUMMY_SECRET_HASH = hashSecret('no ticket has this secret');

/**
 * The ticket id behind a code, only when the secret matches; 404 COMPLAINT.NOT_FOUND otherwise. A
 * wrong secret and an unknown code are the same 404, after the same amount of hashing, so the
 * answer never tells whether a code exists.
 */
export async function resolvePublicTicket(
  queries: Pick<ComplaintTicketQueries, 'secretsOf'>,
  code: string,
  secret: string,
): Promise<string> {
  const normalized = normalizeTicketCode(code);
  const candidates = normalized ? await queries.secretsOf(normalized) : [];
  const found = candidates.find((c) => verifySecret(secret, c.secretHash));
  if (candidates.length === 0) verifySecret(secret, DUMMY_SECRET_HASH); // the same work for unknown codes
  if (!found) throw complaintError('NOT_FOUND', 'No ticket with this code and secret');
  return found.ticketId;
}
