import { CallHandler, ExecutionContext, Inject, Injectable, Logger, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { createHash } from 'node:crypto';
import { from, lastValueFrom, Observable } from 'rxjs';
import { canonicalJson } from '@bihuan/event-store';
import { IdempotencyClaim, IdempotencyGate, IDEMPOTENCY_HEADER, validateIdempotencyKey } from './idempotency-gate';
import { IDEMPOTENCY_SETTINGS, IdempotencySettings } from './idempotency-settings';

const FOLD_IDENTICAL = 'bihuan:fold-identical';
const NEVER_STORE = 'bihuan:idempotency-never-store';

/**
 * On a route whose answer is a secret (tokens from sign-in and refresh, a one-time password): an
 * `Idempotency-Key` is ignored, so the answer is never stored and a repeated request runs again
 * (and, for sign-in, issues new tokens) instead of replaying the earlier secret to whoever sends the key.
 */
export const NeverStoreAnswers = (): MethodDecorator => SetMetadata(NEVER_STORE, true);

/**
 * On an unauthenticated creating route: an identical request (same method, path and body) from the
 * same client address within the fold window gets the first one's answer instead of running again
 * — a double click or an impatient resubmit makes one ticket. Client address is Express `req.ip`.
 */
export const FoldIdenticalRequests = (): MethodDecorator => SetMetadata(FOLD_IDENTICAL, true);

interface IdempotentRequest {
  readonly method: string;
  readonly originalUrl: string;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body?: unknown;
  readonly ip?: string;
  readonly socket?: { readonly remoteAddress?: string };
  readonly actor?: { readonly id: string };
  /** An uploaded file (FileUploadGuard has read it before any interceptor runs): in memory, or staged with its SM3. */
  readonly file?: { readonly buffer?: Buffer; readonly digest?: string };
}

/** A staged upload was hashed while it streamed (SM3); a file in memory is hashed here. */
function fileDigest(file: NonNullable<IdempotentRequest['file']>): string {
  if (file.buffer) return createHash('sha256').update(file.buffer).digest('hex');
  return `sm3:${file.digest ?? ''}`;
}

interface StatusResponse {
  statusCode: number;
  status(code: number): unknown;
}

/**
 * Global (IdempotencyModule), after the AuthGuard so the actor is known: every POST with an
 * `Idempotency-Key` header, and every POST marked @FoldIdenticalRequests, runs at most once per
 * key; duplicates get the stored status and body, a failed request releases its key.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');

  constructor(
    @Inject(IdempotencyGate) private readonly gate: IdempotencyGate,
    @Inject(IDEMPOTENCY_SETTINGS) private readonly settings: IdempotencySettings,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<IdempotentRequest>();
    if (request.method !== 'POST') return next.handle();
    if (this.reflector.get<boolean | undefined>(NEVER_STORE, context.getHandler()) === true) return next.handle();
    const fold = this.reflector.get<boolean | undefined>(FOLD_IDENTICAL, context.getHandler()) === true;
    const claims = this.claimsOf(request, fold);
    if (claims.length === 0) return next.handle();
    return from(this.run(claims, context.switchToHttp().getResponse<StatusResponse>(), next));
  }

  private claimsOf(request: IdempotentRequest, fold: boolean): IdempotencyClaim[] {
    const raw = request.headers[IDEMPOTENCY_HEADER.toLowerCase()];
    const header = raw === undefined ? undefined : validateIdempotencyKey(Array.isArray(raw) ? raw.join(', ') : raw);
    if (header === undefined && !fold) return [];
    let body: string;
    try {
      body = canonicalJson(request.body ?? null);
    } catch {
      return []; // too deep to fingerprint: the validation pipe refuses it with a 400 anyway
    }
    const path = request.originalUrl.split('?')[0] ?? request.originalUrl;
    // The file of an upload is not in the body: its digest makes a different file a different request.
    const file = request.file ? `\nfile:${fileDigest(request.file)}` : '';
    const fingerprint = `${request.method} ${request.originalUrl}\n${body}${file}`;
    const claims: IdempotencyClaim[] = [];
    if (header !== undefined) {
      const scope = `${request.method} ${path} ${request.actor ? `actor:${request.actor.id}` : 'public'}`;
      claims.push({ scope, key: header, fingerprint, ttlMs: this.settings.ttlMs, header: IDEMPOTENCY_HEADER });
    }
    if (fold) {
      const client = request.ip ?? request.socket?.remoteAddress ?? 'unknown';
      claims.push({
        scope: `fold ${request.method} ${path}`,
        key: `${client}\n${fingerprint}`,
        fingerprint,
        ttlMs: this.settings.foldWindowMs,
        header: null,
      });
    }
    return claims;
  }

  private async run(claims: readonly IdempotencyClaim[], response: StatusResponse, next: CallHandler): Promise<unknown> {
    const held: IdempotencyClaim[] = [];
    const stopRenewing = this.gate.keepAlive(held, (error) => this.logger.warn(`Idempotency lease not renewed: ${String(error)}`));
    try {
      for (const claim of claims) {
        const begun = await this.gate.begin(claim);
        if (begun.kind === 'replay') {
          // e.g. a new header key on a folded double click: the key now answers the same ticket
          await Promise.all(held.map((c) => this.gate.complete(c, begun.status, begun.body)));
          response.status(begun.status);
          return begun.body;
        }
        held.push(claim);
      }
      const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
      await this.remember(held, response.statusCode, body);
      return body;
    } catch (error) {
      await Promise.allSettled(held.map((c) => this.gate.release(c)));
      throw error;
    } finally {
      stopRenewing();
    }
  }

  /** The request has done its work: a store that fails now must not turn its answer into a 500. */
  private async remember(held: readonly IdempotencyClaim[], status: number, body: unknown): Promise<void> {
    const results = await Promise.allSettled(held.map((c) => this.gate.complete(c, status, body)));
    for (const [i, result] of results.entries()) {
      if (result.status === 'fulfilled') continue;
      this.logger.error(`Idempotency answer not stored; the key is released: ${String(result.reason)}`);
      await this.gate.release(held[i]!).catch(() => undefined); // else duplicates wait for the lease
    }
  }
}
