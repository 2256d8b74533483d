import { DirectoryUser, Jurisdiction, Unit, UnitTree, UserDirectory } from '@bihuan/auth';
import { streamName } from '@bihuan/core';
import { EventStore, RecordedEvent, Subscription } from '@bihuan/event-store';
import { InstitutionProfile } from '../domain/directory-attributes';
import { DirectoryEvent } from '../domain/directory.events';
import { DIRECTORY_CATEGORY, DIRECTORY_ID, DirectoryPerson, DirectoryState, EMPTY_DIRECTORY } from '../domain/directory.model';
import { evolveDirectory } from '../domain/directory.evolve';

export const DIRECTORY_STREAM = streamName(DIRECTORY_CATEGORY, DIRECTORY_ID);

/** A directory person as the UserDirectory port shows them. */
export function directoryUserOf(p: DirectoryPerson): DirectoryUser {
  return {
    id: p.id,
    name: p.name,
    role: p.role,
    unit: p.unitId,
    active: p.status === 'active',
    phone: p.phone,
    ...(p.email ? { email: p.email } : {}),
    departmentId: p.departmentId,
  };
}

/** UserDirectory answered from the live directory's current state. */
class LiveUserDirectory extends UserDirectory {
  constructor(private readonly live: LiveDirectory) {
    super();
  }

  get(userId: string): DirectoryUser | undefined {
    const person = this.live.state.users.get(userId);
    return person ? directoryUserOf(person) : undefined;
  }

  all(): readonly DirectoryUser[] {
    return [...this.live.state.users.values()].map(directoryUserOf);
  }
}

/**
 * The directory (`directory-main`) folded in memory and kept current from the log's subscription:
 * every scope check (Jurisdiction), every user lookup (UserDirectory) and the draw read it, so a
 * change — a unit moved to another county, a user disabled — takes effect for all of them at once.
 * It is a read-your-writes runner (`caughtUpTo`), so a write answered by the API is visible to the
 * next request in the same process.
 */
export class LiveDirectory {
  private current: DirectoryState = EMPTY_DIRECTORY;
  private tree = new UnitTree([]);
  private subscription: Subscription | null = null;
  private seen: number | null = null;
  readonly jurisdiction = new Jurisdiction(() => this.tree);
  readonly users: UserDirectory = new LiveUserDirectory(this);

  constructor(private readonly store: EventStore) {}

  get state(): DirectoryState {
    return this.current;
  }

  /** The last log position folded in (null: none). */
  get position(): number | null {
    return this.seen;
  }

  /** Folds the stream as it stands, then follows the log after its last event. */
  async start(): Promise<void> {
    if (this.subscription) return;
    this.apply(await this.store.readStream(DIRECTORY_STREAM));
    this.follow();
  }

  private follow(): void {
    this.subscription = this.store.subscribeToAll(
      { batch: (batch) => this.apply(batch), maxEvents: 500 },
      {
        fromPosition: this.seen,
        filter: { categories: [DIRECTORY_CATEGORY] },
        // Never skip: follow again from the last folded position.
        onError: () => this.follow(),
      },
    );
  }

  async stop(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = null;
    await subscription?.stop();
  }

  /** Resolves once every directory event up to `position` is folded in (ReadModelSync's CatchesUp). */
  async caughtUpTo(position: number): Promise<void> {
    if (this.seen !== null && this.seen >= position) return;
    if (!this.subscription) throw new Error('The live directory is not running');
    await this.subscription.caughtUpTo(position);
  }

  /** From memory: every directory event up to `position` folded in, or looked at and passed over. */
  reached(position: number): boolean {
    return Math.max(this.subscription?.scannedPosition() ?? -1, this.seen ?? -1) >= position;
  }

  behind(head: number): number {
    const scanned = Math.max(this.subscription?.scannedPosition() ?? 0, this.seen ?? 0);
    return Math.max(0, head - scanned);
  }

  /** Units in the subtree of `unitId` (inclusive), as the directory holds them (with profiles). */
  unitsUnder(unitId: string): Unit[] {
    return this.tree.subtree(unitId);
  }

  /** An institution's attributes (type, ownership, level …), what draws and campaigns select on. */
  profileOf(institutionId: string): InstitutionProfile | undefined {
    return this.current.units.get(institutionId)?.profile;
  }

  /** The institution whose 统一社会信用代码 this is (codes are unique in the directory), if any: applicant credit joins it. */
  institutionWithCreditCode(creditCode: string): string | undefined {
    for (const unit of this.current.units.values()) if (unit.profile?.creditCode === creditCode) return unit.id;
    return undefined;
  }

  /** Institutions a person (an inspector) must not be sent to, as the directory records them. */
  conflictsOf(userId: string): string[] {
    return (this.current.users.get(userId)?.conflicts ?? []).map((c) => c.institutionId);
  }

  private apply(events: readonly RecordedEvent[]): void {
    if (events.length === 0) return;
    let state = this.current;
    for (const event of events) {
      if (event.streamName !== DIRECTORY_STREAM) continue;
      state = evolveDirectory(state, event as unknown as DirectoryEvent);
    }
    if (state !== this.current) {
      this.current = state;
      this.tree = new UnitTree([...state.units.values()]);
    }
    this.seen = events[events.length - 1]!.position;
  }
}
