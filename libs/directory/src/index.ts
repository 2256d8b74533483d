export * from './domain/directory-attributes';
