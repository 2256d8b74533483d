import type {
  AllStreamResolvedEvent,
  AppendResult as EsdbAppendResult,
  AppendToStreamOptions,
  JSONEventData,
  ReadAllOptions as EsdbReadAllOptions,
  ReadStreamOptions as EsdbReadStreamOptions,
  ResolvedEvent,
  SubscribeToAllOptions,
} from '@eventstore/db-client';
import { StreamNotFoundError } from '@eventstore/db-client';

/** A read the adapter can iterate and abandon early (the client's `StreamingRead`). */
export interface EsdbRead<E> extends AsyncIterable<E> {
  cancel(): Promise<void>;
}

/** A live subscription (the client's `AllStreamSubscription`): iterable, cancellable. */
export interface EsdbLiveSubscription extends AsyncIterable<AllStreamResolvedEvent> {
  unsubscribe(): Promise<void>;
  /** Ends the local stream too, so a pending iteration finishes after `unsubscribe`. */
  destroy?(): void;
}

/**
 * The few `EventStoreDBClient` methods the adapter calls. The real client satisfies it as is;
 * unit tests inject an in-memory double, since no server can be run on the build machines.
 */
export interface EsdbClient {
  appendToStream(streamName: string, events: JSONEventData[], options: AppendToStreamOptions): Promise<EsdbAppendResult>;
  readStream(streamName: string, options: EsdbReadStreamOptions): EsdbRead<ResolvedEvent>;
  readAll(options: EsdbReadAllOptions): EsdbRead<AllStreamResolvedEvent>;
  subscribeToAll(options: SubscribeToAllOptions): EsdbLiveSubscription;
  dispose(): Promise<void>;
}

/**
 * Iterates a read one event at a time; `visit` returns false to stop early (the read is then
 * cancelled so the gRPC call does not run on). A missing stream reads as empty.
 */
export async function consumeRead<E>(read: EsdbRead<E>, visit: (event: E) => boolean): Promise<void> {
  let stoppedEarly = false;
  try {
    for await (const event of read) {
      if (!visit(event)) {
        stoppedEarly = true;
        break;
      }
    }
  } catch (error) {
    if (error instanceof StreamNotFoundError) return;
    throw error;
  } finally {
    if (stoppedEarly) await read.cancel().catch(() => undefined);
  }
}
