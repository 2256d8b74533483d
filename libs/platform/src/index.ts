export * from './config/app-config';
export * from './config/environment-variables';
export * from './config/load-config';
export * from './clock/demo-clock';
export * from './platform.tokens';
export * from './platform-resources';
export * from './platform.module';
export * from './logging/platform-logger.module';
