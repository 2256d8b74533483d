export * from './blob-store/blob-store.port';
export * from './staging/staged-file';
export * from './vault/evidence-vault.port';
