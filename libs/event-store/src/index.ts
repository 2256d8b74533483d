export * from './event-store.port';
export * from './errors';
export * from './chain/canonical-json';
export * from './chain/hash-chain';
export * from './chain/seal';
export * from './chain/verify';
