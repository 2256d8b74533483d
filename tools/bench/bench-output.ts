/** One measurement as a JSON line, the format every bench suite prints. */
export function report(suite: string, metric: string, value: number, unit: string): void {
  const rounded = unit === 'ratio' ? Math.round(value * 1000) / 1000 : Math.round(value);
  process.stdout.write(`${JSON.stringify({ suite, metric, value: rounded, unit })}\n`);
}

/** A step performs some operations and says how many. */
export type Step = () => Promise<number> | number;

interface Tally {
  count: number;
  nanos: bigint;
}

async function runFor(seconds: number, step: Step, tally: Tally): Promise<void> {
  const start = process.hrtime.bigint();
  const until = start + BigInt(Math.round(seconds * 1e9));
  let now = start;
  while (now < until) {
    tally.count += await step();
    now = process.hrtime.bigint();
  }
  tally.nanos += now - start;
}

/** Operations per second of one step run for `seconds`. */
export async function throughput(seconds: number, step: Step): Promise<number> {
  const tally: Tally = { count: 0, nanos: 0n };
  await runFor(seconds, step, tally);
  return tally.count / (Number(tally.nanos) / 1e9);
}

/**
 * Operations per second of several steps measured in alternating short slices. A shared VM's
 * disk speed drifts by several times within seconds; interleaving gives every contender the
 * same conditions, so their ratios mean something.
 */
export async function interleaved(seconds: number, steps: Record<string, Step>, slice = 0.05): Promise<Record<string, number>> {
  const tallies: Record<string, Tally> = {};
  for (const name of Object.keys(steps)) tallies[name] = { count: 0, nanos: 0n };
  const rounds = Math.max(1, Math.round(seconds / slice));
  // Warm-up: grow each WAL to its checkpoint size (after that it is reused) and let the JIT settle.
  for (const step of Object.values(steps)) await runFor(Math.min(1, seconds / 4), step, { count: 0, nanos: 0n });
  for (let r = 0; r < rounds; r++) {
    for (const [name, step] of Object.entries(steps)) await runFor(slice, step, tallies[name]!);
  }
  const rates: Record<string, number> = {};
  for (const [name, t] of Object.entries(tallies)) rates[name] = t.count / (Number(t.nanos) / 1e9);
  return rates;
}
