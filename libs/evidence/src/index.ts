export * from './blob-store/blob-store.port';
export * from './vault/evidence-vault.port';
export * from './blob-store/adapters/memory-blob-store.adapter';
export * from './blob-store/adapters/fs-blob-store.adapter';
export * from './blob-store/adapters/s3-blob-store.adapter';
export * from './vault/blob-evidence-vault';
export { THUMBNAIL_BOX, THUMBNAIL_MEDIA_TYPES } from './vault/evidence-thumbnail';
export { sm3OfStream } from './vault/sm3-stream';
export * from './nest/evidence.module';
