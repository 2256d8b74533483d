export * from './blob-store/blob-store.port';
export * from './vault/evidence-vault.port';
