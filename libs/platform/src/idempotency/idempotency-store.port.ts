/**
 * A stored answer, sealed by the caller (AES-256-GCM under a key derived from the idempotency key
 * and the request fingerprint, see idempotency-seal.ts): the store never sees it in clear.
 */
export interface SealedResponse {
  readonly status: number;
  /** base64 of iv | tag | ciphertext. */
  readonly sealed: string;
}

/** One attempt to take a key. Times are epoch milliseconds from the caller's clock. */
export interface ReserveRequest {
  /** SHA-256 of scope + key: the key itself is never stored. */
  readonly keyHash: string;
  /** HMAC of the request fingerprint under the key: tells "same request" from "key reused". */
  readonly fingerprintHash: string;
  readonly now: number;
  /** When a reservation made now is forgotten (24 h for a client's key, the fold window for folds). */
  readonly expiresAt: number;
  /** An unfinished reservation taken before this instant is abandoned (its process died) and may be retaken. */
  readonly staleBefore: number;
}

/**
 * What `reserve` found: the key is now ours (`new`); a finished request with the same fingerprint
 * (`replay`); the same request still running elsewhere (`in-progress`); or the key holds another
 * request (`mismatch`, whether finished or running).
 */
export type Reservation =
  | { readonly kind: 'new' }
  | { readonly kind: 'replay'; readonly response: SealedResponse }
  | { readonly kind: 'in-progress' }
  | { readonly kind: 'mismatch' };

/**
 * Keys of `Idempotency-Key` requests and of folded public submissions (docs/api/idempotency.md).
 * Narrow on purpose: today on the read-model SQLite file, later on the shared database of a
 * multi-process deployment. Every adapter passes `idempotencyStoreContract` and guarantees:
 * `reserve` is atomic — of any number of concurrent reservations of one live key exactly one is
 * `new`; an expired entry counts as absent; `complete`, `renew` and `release` act only on an
 * unfinished reservation with the same fingerprint (a late `release` never forgets a finished answer).
 */
export interface IdempotencyStore {
  reserve(request: ReserveRequest): Promise<Reservation>;
  /** Records the answer of the reservation; from now on `reserve` replays it until `expiresAt`. */
  complete(keyHash: string, fingerprintHash: string, response: SealedResponse, expiresAt: number): Promise<void>;
  /**
   * The holder is alive: moves the unfinished reservation's lease start to `now`, so it is not
   * taken for abandoned (`staleBefore`) while its request still runs. True when the reservation
   * is still this fingerprint's and unfinished; false when it is gone, finished or retaken.
   */
  renew(keyHash: string, fingerprintHash: string, now: number): Promise<boolean>;
  /** Forgets an unfinished reservation (the request failed), so a corrected retry can proceed. */
  release(keyHash: string, fingerprintHash: string): Promise<void>;
  /** Deletes entries expired at `now`; answers how many. */
  purgeExpired(now: number): Promise<number>;
}

export const IDEMPOTENCY_STORE = Symbol('IDEMPOTENCY_STORE');
