export * from './visit-closure.workflow';
