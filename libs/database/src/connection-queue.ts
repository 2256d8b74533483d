/**
 * Hands one resource (SQLite's single connection) to one holder at a time, waiters served in
 * arrival order. Kysely's own SQLite mutex wakes every waiter when the connection frees and lets
 * them race for it (each one re-awaiting in a loop): under 64 concurrent requests that is 64
 * wake-ups per query for one winner, and a waiter can lose the race indefinitely (issue 14, item 6).
 * Here `release` resolves exactly the next waiter, which then holds the connection.
 */
export class ConnectionQueue {
  private held = false;
  private readonly waiters: Array<() => void> = [];
  private head = 0;

  /** Resolves when the caller holds the resource; it must call `release` exactly once after. */
  acquire(): Promise<void> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Passes the resource straight to the longest waiter (it stays held), or frees it. */
  release(): void {
    if (this.head < this.waiters.length) {
      const next = this.waiters[this.head]!;
      this.head += 1;
      // Drop served entries now and then, not per call: shift() on every release is O(waiters).
      if (this.head > 64 && this.head * 2 > this.waiters.length) {
        this.waiters.splice(0, this.head);
        this.head = 0;
      }
      next();
      return;
    }
    this.held = false;
  }

  /** How many callers wait (tests, diagnostics). */
  get waiting(): number {
    return this.waiters.length - this.head;
  }
}
