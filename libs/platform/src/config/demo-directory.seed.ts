import { DirectoryUser, Unit } from '@bihuan/auth';
import { DEMO_UNITS, DEMO_USERS } from '@bihuan/demo';

/**
 * The demo's code path in production: with no `${DATA_DIR}/jurisdiction.json`, the embedded default
 * seeds the invented demo jurisdiction and users, so a fresh install answers `token admin` at once.
 * The only production file allowed to import @bihuan/demo (.dependency-cruiser.js, demo-fixtures-only-in-demo-and-tests).
 */
export function demoDirectorySeed(): { readonly units: readonly Unit[]; readonly users: readonly DirectoryUser[] } {
  return { units: DEMO_UNITS, users: DEMO_USERS };
}
