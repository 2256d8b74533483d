import { CanActivate, ExecutionContext, HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '@bihuan/core';

/** Attempts one client (IP) may make at once, and how many more per minute. */
const BURST = 20;
const PER_MINUTE = 10;
const MAX_CLIENTS = 10_000;

/**
 * Per-client rate limit of the password and refresh routes (password spraying across many
 * accounts, which the per-account lockout cannot see). In memory, per process, token bucket on the
 * app's Clock; over it: 429 `RATE_LIMITED` with `Retry-After`. A shared limit belongs in the proxy.
 */
@Injectable()
export class SignInRateLimitGuard implements CanActivate {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const request = http.getRequest<{ ip?: string }>();
    const client = request.ip ?? 'unknown';
    const now = this.clock.now().getTime();
    const perMs = PER_MINUTE / 60_000;
    const bucket = this.buckets.get(client) ?? { tokens: BURST, at: now };
    bucket.tokens = Math.min(BURST, bucket.tokens + Math.max(0, now - bucket.at) * perMs);
    bucket.at = now;
    this.buckets.delete(client);
    this.buckets.set(client, bucket);
    while (this.buckets.size > MAX_CLIENTS) this.buckets.delete(this.buckets.keys().next().value as string);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return true;
    }
    const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
    http.getResponse<{ setHeader(name: string, value: string): void }>().setHeader('Retry-After', String(retryAfter));
    throw new HttpException(
      { code: 'RATE_LIMITED', message: `Too many sign-in attempts; retry in ${retryAfter} s`, retryAfter },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
