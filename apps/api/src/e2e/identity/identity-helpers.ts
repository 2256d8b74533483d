import { DirectoryUser, UserDirectory } from '@bihuan/auth';
import { DEMO_PASSWORD } from '@bihuan/identity';
import { TestApp } from '../../testing/test-app';

export { DEMO_PASSWORD };

/**
 * The app's directory with users changed in place (disable, move, new role), standing in for the
 * event-sourced directory: the identity module reads only UserDirectory.get/all.
 */
export function editableDirectory(t: TestApp): { change(userId: string, patch: Partial<DirectoryUser>): void; reset(): void } {
  const directory = t.app.get(UserDirectory);
  const changed = new Map<string, DirectoryUser>();
  const original = directory.get.bind(directory);
  jest.spyOn(directory, 'get').mockImplementation((id: string) => changed.get(id) ?? original(id));
  return {
    change(userId, patch) {
      const user = changed.get(userId) ?? original(userId);
      if (!user) throw new Error(`no user ${userId}`);
      changed.set(userId, { ...user, ...patch });
    },
    reset: () => changed.clear(),
  };
}

export interface Tokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresIn: number;
  readonly mustChangePassword: boolean;
}

export async function signIn(t: TestApp, username: string, password = DEMO_PASSWORD): Promise<Tokens> {
  const res = await t.http.post('/auth/sign-in').send({ username, password });
  if (res.status !== 200) throw new Error(`sign-in ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Tokens;
}

export const bearer = (token: string): { Authorization: string } => ({ Authorization: `Bearer ${token}` });

/** The event types of a user's account stream, in order. */
export async function accountEvents(t: TestApp, userId: string): Promise<string[]> {
  return (await t.store.readStream(`account-${userId}`)).map((e) => e.type);
}
