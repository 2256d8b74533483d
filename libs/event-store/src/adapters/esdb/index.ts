export { EsdbEventStore } from './esdb-event-store.adapter';
export type { EsdbClient, EsdbRead, EsdbLiveSubscription } from './esdb-client';
