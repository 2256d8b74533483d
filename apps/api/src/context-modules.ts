import { DynamicModule, ForwardReference, Type } from '@nestjs/common';

type ModuleRef = Type<unknown> | DynamicModule | Promise<DynamicModule> | ForwardReference;

/**
 * The bounded contexts the API serves. Add each context's Nest module here (InspectionModule,
 * ComplaintsModule, EthicsModule, CreditModule, AuditModule, AdminModule, …); AppModule imports
 * them after the platform, CQRS, health and metrics. A context module brings its controllers,
 * DTOs and command handlers; its domain stays in `libs/<context>`.
 */
export const CONTEXT_MODULES: readonly ModuleRef[] = [];
