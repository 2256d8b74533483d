export * from './demo-jurisdiction';
