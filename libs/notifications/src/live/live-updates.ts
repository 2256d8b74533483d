/**
 * What a signed-in person's open console is told as it happens (GET /me/stream): a new inbox item,
 * or that their to-do list (待办) changed. Pings, not the truth: the console re-reads the list it
 * shows; a missed event costs only freshness.
 */
export type LiveEvent =
  | {
      readonly type: 'notification';
      readonly data: {
        readonly notificationId: string;
        readonly kind: string;
        readonly title: string;
        readonly link: string;
        readonly unreadCount: number;
      };
    }
  | { readonly type: 'unread'; readonly data: { readonly unreadCount: number } }
  | { readonly type: 'todo'; readonly data: { readonly counts?: Readonly<Record<string, number>> } };

/** One open stream of one user. */
export interface LiveListener {
  send(event: LiveEvent): void;
  /** The process is stopping: end the response. */
  end(): void;
}

/**
 * In-process publish/subscribe of live events per user. Whoever learns something a user should see
 * at once calls `publish(userId, event)` (the inbox channel on delivery, the to-do projection on a
 * change); each open GET /me/stream of that user in THIS process receives it. Several API processes:
 * a user connected to another process is not reached unless a bridge (Redis) relays (docs/notifications.md).
 */
export class LiveUpdates {
  private readonly listeners = new Map<string, Set<LiveListener>>();
  private readonly relays: ((userId: string, event: LiveEvent) => void)[] = [];

  /** Adds a listener; the returned function removes it (call it exactly when the stream ends). */
  subscribe(userId: string, listener: LiveListener): () => void {
    const own = this.listeners.get(userId) ?? new Set<LiveListener>();
    own.add(listener);
    this.listeners.set(userId, own);
    return () => {
      own.delete(listener);
      if (own.size === 0 && this.listeners.get(userId) === own) this.listeners.delete(userId);
    };
  }

  /** Tells every open stream of `userId` in this process, and the relays (other processes). Never throws. */
  publish(userId: string, event: LiveEvent): void {
    this.deliverLocally(userId, event);
    for (const relay of this.relays) relay(userId, event);
  }

  /** For a bridge: an event that came from another process (not relayed again). */
  deliverLocally(userId: string, event: LiveEvent): void {
    for (const listener of [...(this.listeners.get(userId) ?? [])]) {
      try {
        listener.send(event);
      } catch {
        // A broken connection is ended by its own close handler; the others still get the event.
      }
    }
  }

  /** A bridge to other processes (e.g. Redis pub/sub) receives every published event. */
  addRelay(relay: (userId: string, event: LiveEvent) => void): () => void {
    this.relays.push(relay);
    return () => {
      const at = this.relays.indexOf(relay);
      if (at >= 0) this.relays.splice(at, 1);
    };
  }

  /** Open streams: of one user, or of all. */
  connections(userId?: string): number {
    if (userId !== undefined) return this.listeners.get(userId)?.size ?? 0;
    let n = 0;
    for (const own of this.listeners.values()) n += own.size;
    return n;
  }

  /** Ends every open stream (shutdown): the HTTP server can then close without waiting for them. */
  endAll(): void {
    for (const own of [...this.listeners.values()]) for (const listener of [...own]) listener.end();
  }
}
