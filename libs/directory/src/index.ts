export * from './domain/directory-attributes';
export * from './domain/directory-inputs';
export * from './import';
