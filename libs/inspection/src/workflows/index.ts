export * from './visit-closure.workflow';
export * from './finding-opening.workflow';
