export * from './jurisdiction';
export * from './access-policy';
export * from './token.service';
export * from './fixtures/demo-jurisdiction';
export * from './nest/auth.decorators';
export * from './nest/auth.guard';
export * from './nest/auth.module';
export * from './role-units';
