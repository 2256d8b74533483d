import { CanActivate, ExecutionContext, HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '@bihuan/core';

/** Token bucket per client: `burst` requests at once, refilled at `perMinute`. */
export interface RateLimitOptions {
  readonly burst: number;
  readonly perMinute: number;
  /** Buckets kept in memory at most (idle full buckets are dropped first). */
  readonly maxClients: number;
}

export const PUBLIC_RATE_LIMIT = Symbol('PUBLIC_RATE_LIMIT');

const positive = (value: string | undefined, fallback: number): number => {
  const n = Number(value);
  return value !== undefined && Number.isFinite(n) && n > 0 ? n : fallback;
};

/** `COMPLAINTS_PUBLIC_RATE_BURST` (default 20) and `COMPLAINTS_PUBLIC_RATE_PER_MINUTE` (default 10). */
export function rateLimitFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): RateLimitOptions {
  return {
    burst: Math.floor(positive(env['COMPLAINTS_PUBLIC_RATE_BURST'], 20)),
    perMinute: positive(env['COMPLAINTS_PUBLIC_RATE_PER_MINUTE'], 10),
    maxClients: 10_000,
  };
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Rate limit of the unauthenticated complaint routes, per client IP (`req.ip`; behind a reverse
 * proxy, set Express `trust proxy` so it is the client's). In memory, per process: enough to stop
 * one client flooding the form; a shared limit for several API processes belongs in the proxy.
 * Over the limit: 429 `RATE_LIMITED` with `Retry-After` (seconds). Time comes from CLOCK.
 */
@Injectable()
export class PublicRateLimitGuard implements CanActivate {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    @Inject(PUBLIC_RATE_LIMIT) private readonly options: RateLimitOptions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const request = http.getRequest<{ ip?: string; socket?: { remoteAddress?: string } }>();
    const client = request.ip ?? request.socket?.remoteAddress ?? 'unknown';
    const now = this.clock.now().getTime();
    const perMs = this.options.perMinute / 60_000;
    const bucket = this.buckets.get(client) ?? { tokens: this.options.burst, at: now };
    bucket.tokens = Math.min(this.options.burst, bucket.tokens + Math.max(0, now - bucket.at) * perMs);
    bucket.at = now;
    this.buckets.delete(client);
    this.buckets.set(client, bucket);
    this.evict(now, perMs);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return true;
    }
    const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
    http.getResponse<{ setHeader(name: string, value: string): void }>().setHeader('Retry-After', String(retryAfter));
    throw new HttpException(
      { code: 'RATE_LIMITED', message: `Too many requests from this client; retry in ${retryAfter} s`, retryAfter },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }

  private evict(now: number, perMs: number): void {
    if (this.buckets.size <= this.options.maxClients) return;
    for (const [client, b] of this.buckets) {
      if (this.buckets.size <= this.options.maxClients) return;
      if (b.tokens + (now - b.at) * perMs >= this.options.burst) this.buckets.delete(client);
    }
    while (this.buckets.size > this.options.maxClients) this.buckets.delete(this.buckets.keys().next().value as string);
  }
}
