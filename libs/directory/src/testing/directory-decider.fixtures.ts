import { roleFitsUnit } from '@bihuan/auth';
import { SYSTEM_ACTOR } from '@bihuan/core';
import { DeciderSpecification } from '@bihuan/testing';
import { DEMO_DIRECTORY_UNITS, demoDirectoryImport } from '../demo/demo-directory.data';
import { DirectoryCommand } from '../domain/directory.commands';
import { directoryDecider } from '../domain/directory.decider';
import { DirectoryEvent } from '../domain/directory.events';
import { DirectoryState } from '../domain/directory.model';
import { UserInput } from '../domain/directory-inputs';

/** The directory decider's specs' starting point: the real role rule, the demo directory as events, a hospital and a new inspector. */
export const decider = directoryDecider({ roleFitsUnit });
export const spec = DeciderSpecification<DirectoryCommand, DirectoryEvent, DirectoryState>(decider);
const metadata = { commandId: 'c', correlationId: 'c', causationId: null, actor: SYSTEM_ACTOR, now: '2025-03-03T01:00:00.000Z' };
export const command = <T extends DirectoryCommand['type']>(
  type: T,
  data: Extract<DirectoryCommand, { type: T }>['data'],
): DirectoryCommand => ({ type, data, metadata }) as DirectoryCommand;

/** The demo directory as events: what every case starts from. */
export const seeded = decider.decide(command('SeedDirectory', { seed: 'demo', import: demoDirectoryImport() }), decider.initialState);
export const hospital = DEMO_DIRECTORY_UNITS.find((u) => u.id === 'hosp-a1-1')!;
export const inspector: UserInput = {
  id: 'zhang.san',
  username: 'zhang.san',
  name: '张三',
  phone: '13900000001',
  role: 'inspector',
  unitId: 'county-a1',
  departmentId: null,
  status: 'active',
};
