import { Clock, fold, SYSTEM_ACTOR } from '@bihuan/core';
import { EventStore } from '@bihuan/event-store';
import { AppConfig, CommandExecution } from '@bihuan/platform';
import { demoDirectoryImport } from '../demo/demo-directory.data';
import { DirectoryImport } from '../domain/directory-inputs';
import { DIRECTORY_CATEGORY, DIRECTORY_ID, DirectoryState, EMPTY_DIRECTORY } from '../domain/directory.model';
import { DIRECTORY_STREAM } from './live-directory';
import { DIRECTORY_DECIDER } from './directory-rules';

/** The root unit and the administrator an empty directory starts with when DIRECTORY_SEED=none. */
export const ROOT_UNIT_ID = 'root';
export const ROOT_ADMIN_ID = 'admin';

export function initialDirectory(config: Pick<AppConfig, 'directory'>): DirectoryImport {
  if (config.directory.seed === 'demo') return demoDirectoryImport();
  return {
    units: [
      { ref: { sheet: 'units', row: 2 }, input: { id: ROOT_UNIT_ID, name: config.directory.rootName, kind: 'province', parentId: null } },
    ],
    departments: [],
    users: [
      {
        ref: { sheet: 'users', row: 2 },
        input: {
          id: ROOT_ADMIN_ID,
          username: ROOT_ADMIN_ID,
          name: '系统管理员',
          phone: '',
          role: 'admin',
          unitId: ROOT_UNIT_ID,
          departmentId: null,
          status: 'active',
        },
      },
    ],
  };
}

/**
 * First start: an empty `directory-main` gets the root and its administrator (seed `none`) or the
 * demo directory (seed `demo`). Decided like any write on the loaded stream; two processes starting
 * at once both find it empty, one append wins ("no stream") and the other's retry finds the
 * directory held, so SeedDirectory decides nothing. A deterministic command id makes a rerun a no-op.
 */
export async function seedDirectory(execution: CommandExecution, clock: Clock, config: Pick<AppConfig, 'directory'>): Promise<void> {
  const commandId = `directory-seed-${config.directory.seed}`;
  await execution.deliver(
    { commandId, correlationId: commandId, causationId: null, actor: SYSTEM_ACTOR, now: clock.now().toISOString() },
    {
      category: DIRECTORY_CATEGORY,
      id: DIRECTORY_ID,
      decider: DIRECTORY_DECIDER,
      build: () => ({ type: 'SeedDirectory', data: { seed: config.directory.seed, import: initialDirectory(config) } }),
    },
  );
}

/**
 * The directory a store holds — or, on a store no app has started yet, the one its first start
 * will seed — so tools (`cli token`) name the same users the API will know.
 */
export async function storedDirectory(store: EventStore, config: Pick<AppConfig, 'directory'>): Promise<DirectoryState> {
  const events = await store.readStream(DIRECTORY_STREAM);
  if (events.length > 0) return fold(DIRECTORY_DECIDER, events);
  const metadata = {
    commandId: 'directory-preview',
    correlationId: 'directory-preview',
    causationId: null,
    actor: SYSTEM_ACTOR,
    now: '1970-01-01T00:00:00.000Z',
  };
  const seeded = DIRECTORY_DECIDER.decide(
    { type: 'SeedDirectory', data: { seed: config.directory.seed, import: initialDirectory(config) }, metadata },
    EMPTY_DIRECTORY,
  );
  return fold(DIRECTORY_DECIDER, seeded);
}
