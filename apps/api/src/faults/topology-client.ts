import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { setTimeout as sleep } from 'node:timers/promises';

/** One API host of the topology, as a client sees it. */
export interface ApiHost {
  readonly name: 'A' | 'B';
  readonly base: string;
}

export interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
  /** The host that answered. */
  readonly via: ApiHost['name'];
}

/** What the clients met on the way, for the report (none of it is a failure by itself). */
export interface Trouble {
  failovers: number;
  /**
   * 409 IDEMPOTENCY.IN_PROGRESS: the key's first request died with its host, and its reservation holds
   * the key until the 5-minute lease (idempotency-settings.ts) runs out; longer than this test waits.
   */
  inProgress: number;
  /** Keys given up on after IN_PROGRESS_GIVE_UP_MS of 409s (the command is then not acknowledged). */
  stuckKeys: string[];
  /** 404s on a finding just added, before a retry found it. */
  findingNotYet: number;
}

const IN_PROGRESS_GIVE_UP_MS = 30_000;
const NOT_FOUND_RETRY_MS = 20_000;

/** An HS256 token of a demo user on the processes' clock (CLOCK=fake:start), valid for 8 hours of it. */
export function demoToken(secret: string, start: string, user: { sub: string; role: string; unit: string }): string {
  return jwt.sign({ role: user.role, unit: user.unit, name: 'topology', iat: Date.parse(start) / 1000 }, secret, {
    algorithm: 'HS256',
    subject: user.sub,
    issuer: 'bihuan',
    expiresIn: 8 * 3600,
  });
}

/**
 * A client that sends every command with an Idempotency-Key and, on a network error or a 503, sends
 * it again with the same key to the other host: what a load balancer in front of two APIs does.
 */
export class FailoverClient {
  readonly trouble: Trouble = { failovers: 0, inProgress: 0, stuckKeys: [], findingNotYet: 0 };

  constructor(
    private readonly hosts: readonly [ApiHost, ApiHost],
    private readonly token: string,
  ) {}

  /** The answer (2xx), or null when the key stayed in progress (reported in `trouble`); anything else throws. */
  async command(path: string, body: object, prefer: 0 | 1, opts: { retryNotFound?: boolean } = {}): Promise<Answer | null> {
    const key = randomUUID();
    let at: number = prefer;
    let inProgressSince: number | null = null;
    const notFoundUntil = Date.now() + NOT_FOUND_RETRY_MS;
    for (;;) {
      const host = this.hosts[at]!;
      let answer: Answer;
      try {
        const res = await fetch(`${host.base}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}`, 'idempotency-key': key },
          body: JSON.stringify(body),
        });
        answer = { status: res.status, body: (await res.json()) as Record<string, unknown>, via: host.name };
      } catch {
        answer = { status: 0, body: {}, via: host.name };
      }
      if (answer.status >= 200 && answer.status < 300) return answer;
      if (answer.status === 0 || answer.status === 503) {
        this.trouble.failovers += 1;
        at = 1 - at;
        await sleep(100);
      } else if (answer.status === 409 && answer.body['code'] === 'IDEMPOTENCY.IN_PROGRESS') {
        this.trouble.inProgress += 1;
        inProgressSince ??= Date.now();
        if (Date.now() - inProgressSince > IN_PROGRESS_GIVE_UP_MS) {
          this.trouble.stuckKeys.push(`POST ${path}`);
          return null;
        }
        await sleep(500);
      } else if (answer.status === 404 && opts.retryNotFound && Date.now() < notFoundUntil) {
        this.trouble.findingNotYet += 1;
        await sleep(200);
      } else {
        throw new Error(`POST ${path} via ${host.name}: ${answer.status} ${JSON.stringify(answer.body)}`);
      }
    }
  }

  /** GET through one host, waiting for the read models to reach `position`. */
  async read(host: ApiHost, path: string, position: number): Promise<{ status: number; body: Record<string, unknown> }> {
    const res = await fetch(`${host.base}${path}`, {
      headers: { authorization: `Bearer ${this.token}`, 'bihuan-min-position': String(position) },
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }
}
