import { DirectoryUser, UserDirectory } from '@bihuan/auth';
import { FirstStartService } from '@bihuan/identity';
import { createTestApp, TestApp } from '../../testing/test-app';
import { accountEvents, DEMO_PASSWORD, signIn } from './identity-helpers';

const LINE = /首次启动：管理员 (\S+) 的一次性密码 (\S+)（/;

/** First start (issue 16, item 3): one-time passwords for the directory's admins, printed once. */
describe('first start', () => {
  const printed: string[] = [];
  let spy: jest.SpyInstance;
  const linesFor = (user: string) => printed.filter((l) => LINE.exec(l)?.[1] === user);
  beforeAll(() => {
    spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed.push(String(chunk));
      return true;
    });
  });
  afterAll(() => spy.mockRestore());

  describe('with DIRECTORY_SEED=none', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ config: { directory: { seed: 'none', rootName: '卫生健康委员会' } } });
    });
    afterAll(() => t.close());

    it('gave the admin a one-time password at start, to be changed at first sign-in; demo passwords do not work', async () => {
      expect(linesFor('admin')).toHaveLength(1);
      expect(await accountEvents(t, 'admin')).toEqual(['OneTimePasswordIssued']);
      const password = LINE.exec(linesFor('admin')[0]!)![2]!;
      expect((await signIn(t, 'admin', password)).mustChangePassword).toBe(true);
      expect((await t.http.post('/auth/sign-in').send({ username: 'inspector-a1', password: DEMO_PASSWORD })).status).toBe(401);
      expect(await accountEvents(t, 'inspector-a1')).toEqual([]);
    });

    it('prints a one-time password once per admin, also when two starts race; never again once the account exists', async () => {
      const directory = t.app.get(UserDirectory);
      const second: DirectoryUser = { id: 'admin-2', name: '第二管理员', role: 'admin', unit: 'prov', active: true };
      const all = directory.all();
      jest.spyOn(directory, 'all').mockReturnValue([...all, second]);
      jest.spyOn(directory, 'get').mockImplementation((id) => (id === second.id ? second : all.find((u) => u.id === id)));
      const service = t.app.get(FirstStartService);
      const runs = await Promise.all([service.issueFirstPasswords(), service.issueFirstPasswords()]);
      expect(runs.flat()).toEqual(['admin-2']);
      const lines = linesFor('admin-2');
      expect(lines).toHaveLength(1);
      const [, user, password] = LINE.exec(lines[0]!)!;
      expect(user).toBe('admin-2');
      expect(await accountEvents(t, 'admin-2')).toEqual(['OneTimePasswordIssued']);
      expect(JSON.stringify(await t.store.readStream('account-admin-2'))).not.toContain(password!);

      const first = await signIn(t, 'admin-2', password);
      expect(first.mustChangePassword).toBe(true);
      expect(await service.issueFirstPasswords()).toEqual([]);
      expect(linesFor('admin-2')).toHaveLength(1);
      expect(linesFor('admin')).toHaveLength(1);
    });
  });

  describe('with DIRECTORY_SEED=demo', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(() => t.close());

    it('writes and prints nothing at start; demo users sign in with the one demo password, no change asked', async () => {
      expect(await accountEvents(t, 'admin')).toEqual([]);
      expect(printed.filter((l) => LINE.test(l))).toHaveLength(2); // admin and admin-2 of the other app only
      expect((await signIn(t, 'admin', DEMO_PASSWORD)).mustChangePassword).toBe(false);
    });
  });
});
