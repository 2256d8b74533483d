import { IDEMPOTENCY_STORE, IdempotencyStore } from '@bihuan/platform';
import { createTestApp, TestApp } from '../../testing/test-app';
import { bearer, DEMO_PASSWORD, signIn, Tokens } from './identity-helpers';

/**
 * Routes that answer a secret (@NeverStoreAnswers) ignore Idempotency-Key: a repeated keyed
 * request runs again and gets its own answer, and no answer is ever handed to the store.
 */
describe('idempotency never keeps tokens or one-time passwords', () => {
  let t: TestApp;
  let store: IdempotencyStore;
  beforeAll(async () => {
    t = await createTestApp();
    store = t.app.get<IdempotencyStore>(IDEMPOTENCY_STORE);
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  const keyed = (path: string, key: string) => t.http.post(path).set('Idempotency-Key', key);

  it('signs in again on a repeated keyed sign-in: new tokens each time, nothing reserved or stored', async () => {
    const reserve = jest.spyOn(store, 'reserve');
    const complete = jest.spyOn(store, 'complete');
    const send = () => keyed('/auth/sign-in', 'sign-in-key-1').send({ username: 'inspector-a1', password: DEMO_PASSWORD });
    const first = await send();
    const second = await send();
    expect([first.status, second.status]).toEqual([200, 200]);
    const [a, b] = [first.body as Tokens, second.body as Tokens];
    expect(b.refreshToken).not.toBe(a.refreshToken);
    expect(b.accessToken).not.toBe(a.accessToken);
    expect(reserve).not.toHaveBeenCalled();
    expect(complete).not.toHaveBeenCalled();
    // Both sessions are real: the second answer was issued, not replayed.
    expect((await t.http.get('/me').set(bearer(b.accessToken))).status).toBe(200);
  });

  it('refreshes and resets passwords without storing their answers either', async () => {
    const complete = jest.spyOn(store, 'complete');
    const tokens = await signIn(t, 'leader-prov');
    const refreshed = await keyed('/auth/refresh', 'refresh-key-1').send({ refreshToken: tokens.refreshToken });
    expect(refreshed.status).toBe(200);
    const reset = () => keyed('/admin/accounts/leader-prov/reset-password', 'reset-key-1').set(t.auth('admin'));
    const first = await reset();
    const second = await reset();
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(JSON.stringify(second.body)).not.toBe(JSON.stringify(first.body));
    expect(complete).not.toHaveBeenCalled();
  });

  it('still stores and replays the answer of an ordinary keyed POST (the opt-out is per route)', async () => {
    const complete = jest.spyOn(store, 'complete');
    const body = { id: 'staff-idem-1', name: '李医生', institutionId: 'hosp-a1-1' };
    const first = await keyed('/directory/staff', 'staff-key-1').set(t.auth('admin')).send(body);
    const second = await keyed('/directory/staff', 'staff-key-1').set(t.auth('admin')).send(body);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body).toEqual(first.body);
    expect(complete).toHaveBeenCalledTimes(1);
  });
});
