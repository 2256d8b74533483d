import { roleFitsUnit } from '@bihuan/auth';
import { DirectoryRules } from '../domain/directory.model';
import { directoryDecider } from '../domain/directory.decider';

/** The rules the directory borrows (role ↔ unit kind lives in @bihuan/auth role-units.ts). */
export const DIRECTORY_RULES: DirectoryRules = { roleFitsUnit };

/** The directory's decider as every writer and reader uses it. */
export const DIRECTORY_DECIDER = directoryDecider(DIRECTORY_RULES);
