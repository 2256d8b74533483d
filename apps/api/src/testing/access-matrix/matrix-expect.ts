import { Response } from 'supertest';
import { TestApp } from '../test-app';
import { bearer } from './matrix-http';
import { DeclaredRoute } from './matrix-routes';
import { isSystemAdmin, Reader } from './matrix-scope';
import { Row } from './matrix-table';
import { scopeOf, Target } from './matrix-targets';

export type Verdict = 'allowed' | 'refused' | 'any';

/**
 * The one expectation: the route's declaration (@Public, @Roles, @SystemWide) and the scope rule decide whether
 * this reader may reach this target. Public routes are open to all except a ticket without its secret.
 */
export function verdict(route: DeclaredRoute, row: Row, reader: Reader, target: Target): { verdict: Verdict; rel: string } {
  const { covered, rel } = scopeOf(reader, target);
  if (route.isPublic) return { verdict: row.target === 'code' ? 'refused' : 'allowed', rel };
  if (!reader.actor) return { verdict: 'refused', rel };
  if (route.roles && !route.roles.includes(reader.actor.role)) return { verdict: 'refused', rel };
  if (route.systemWide && !isSystemAdmin(reader)) return { verdict: 'refused', rel };
  if (!covered) return { verdict: 'refused', rel };
  // A parent unit in an institution parameter: refusing it as "not an institution" is as right as answering.
  if (target.label.startsWith('unit@') || target.anyStatus?.(reader)) return { verdict: 'any', rel };
  return { verdict: 'allowed', rel };
}

/** Checks the status class; returns a violation text or null. */
export function statusProblem(expected: Verdict, res: Response, row: Row): string | null {
  if (res.status >= 500) return `5xx ${res.status}`;
  if (expected === 'any') return null;
  const ok = res.status < 300 || (row.okStatuses ?? []).includes(res.status);
  if (expected === 'allowed' && !ok) return `expected 2xx, got ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`;
  if (expected === 'refused' && res.status < 400) return `expected a refusal (401/403/404), got ${res.status}`;
  return null;
}

export function headersFor(t: TestApp, reader: Reader): Record<string, string> {
  return reader.actor ? bearer(t, reader.actor) : {};
}
