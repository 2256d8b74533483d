import { TokenService, UserRole } from '@bihuan/auth';
import { Actor } from '@bihuan/core';
import { TestApp } from '../test-app';

export type Headers = Record<string, string>;

/** Bearer header for any user, also one the demo fixtures do not have (a hospital user of hosp-a2-1). */
export function bearer(t: TestApp, user: Actor): Headers {
  const tokens = t.app.get(TokenService);
  // Readers are the demo users (user roles only); a token cannot carry `public` or `system`.
  return { Authorization: `Bearer ${tokens.mint({ sub: user.id, role: user.role as UserRole, unit: user.unit, name: user.id })}` };
}

/** One seeding request that must succeed with `status`; fails the seed with the whole answer otherwise. */
export async function call(
  t: TestApp,
  headers: Headers | null,
  method: 'get' | 'post',
  path: string,
  body: object = {},
  status = method === 'get' ? 200 : 201,
): Promise<Record<string, unknown>> {
  const req = method === 'get' ? t.http.get(path) : t.http.post(path).send(body);
  const res = await (headers ? req.set(headers) : req);
  if (res.status !== status)
    throw new Error(`seed ${method.toUpperCase()} ${path}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Record<string, unknown>;
}
