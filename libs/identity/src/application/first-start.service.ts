import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { UserDirectory } from '@bihuan/auth';
import { isDomainError } from '@bihuan/core';
import { AppConfig, CONFIG, runsApi } from '@bihuan/platform';
import { AccountWriter, actorOf } from './account-writes';
import { hashPassword, oneTimePassword } from './password-hasher';

/** Where the one-time password line goes (stdout in production; a test collects it). */
export const FIRST_START_OUTPUT = Symbol('FIRST_START_OUTPUT');
export type FirstStartOutput = (line: string) => void;

/**
 * First start (DIRECTORY_SEED=none): every active admin of the directory without an account gets a
 * one-time password, printed once to stdout. Once the account exists it is never printed again;
 * two processes starting together both try, the log's expected revision lets one win, and only the
 * winner prints. In demo mode nothing happens here: demo users get the demo password at first sign-in.
 */
@Injectable()
export class FirstStartService implements OnApplicationBootstrap {
  constructor(
    private readonly accounts: AccountWriter,
    @Inject(UserDirectory) private readonly directory: UserDirectory,
    @Inject(CONFIG) private readonly config: AppConfig,
    @Inject(FIRST_START_OUTPUT) private readonly output: FirstStartOutput,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.directory.seed !== 'none' || !runsApi(this.config)) return;
    await this.issueFirstPasswords();
  }

  /** The admins given a one-time password by this call. */
  async issueFirstPasswords(): Promise<string[]> {
    const issued: string[] = [];
    for (const admin of this.directory.all().filter((u) => u.active && u.role === 'admin')) {
      if ((await this.accounts.state(admin.id)).status !== 'none') continue;
      const password = oneTimePassword();
      const passwordHash = await hashPassword(password);
      try {
        await this.accounts.write(actorOf(null), admin.id, () => ({
          type: 'ProvisionPassword',
          data: { userId: admin.id, passwordHash, kind: 'one-time', source: 'first-start' },
        }));
      } catch (error) {
        if (isDomainError(error) && error.code === 'AUTH.ACCOUNT_EXISTS') continue;
        throw error;
      }
      this.output(`首次启动：管理员 ${admin.id} 的一次性密码 ${password}（首次登录须修改；此密码只显示这一次）`);
      issued.push(admin.id);
    }
    return issued;
  }
}
