export * from './sql-database';
export * from './open-sqlite-database';
export * from './open-postgres-database';
export * from './migrations';
export * from './copy-tables';
export * from './reusable-query';
export * from './limit';
