/**
 * Polls `check` until it holds, failing with `what` after `ms`. For effects that happen on another
 * loop (a child process, a worker, a socket's far end), where asserting right after a trigger races.
 */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  what: string,
  { ms = 8_000, every = 20 }: { ms?: number; every?: number } = {},
): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, every));
  }
}
