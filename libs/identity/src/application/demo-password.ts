/**
 * The one password of every demo user (DIRECTORY_SEED=demo only; docs/demo.md). Known on purpose:
 * the demo and tests sign in with it. It is given to a demo user at their first sign-in, so a
 * production setup (DIRECTORY_SEED=none) never has it.
 */
export const DEMO_PASSWORD = 'Bihuan#demo2026';
