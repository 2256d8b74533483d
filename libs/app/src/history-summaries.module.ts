import { Global, Module } from '@nestjs/common';
import { AuditModule, EVENT_SUMMARIES } from '@bihuan/audit';
import { HISTORY_SUMMARIES } from '@bihuan/core';

/**
 * Binds core's HISTORY_SUMMARIES to the audit's one registry (every context's catalogue, names
 * from the directory), globally: inspection and complaints sit below the audit and may not import
 * it, yet their histories carry the same summaries and fold the same bookkeeping.
 */
@Global()
@Module({
  imports: [AuditModule],
  providers: [{ provide: HISTORY_SUMMARIES, useExisting: EVENT_SUMMARIES }],
  exports: [HISTORY_SUMMARIES],
})
export class HistorySummariesModule {}
