import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryBus, QueryHandler, Query } from '@nestjs/cqrs';
import { Actor } from '@bihuan/core';
import { VISIT_KIND_LABELS } from '../domain';
import { ledgerCsv, ledgerXlsx, shanghaiDate } from '../read-models';
import { LedgerQuery, LedgerScope } from './inspection.queries';

export type ExportFormat = 'xlsx' | 'csv';

export interface LedgerFile {
  readonly body: Buffer;
  readonly contentType: string;
  /** ASCII fallback name and the UTF-8 name (for `filename*`). */
  readonly asciiName: string;
  readonly utf8Name: string;
  readonly rows: number;
}

export class ExportLedgerQuery extends Query<LedgerFile> {
  constructor(
    readonly actor: Actor,
    readonly scope: LedgerScope,
    readonly format: ExportFormat,
  ) {
    super();
  }
}

const CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** 整改台账 as a file: the same rows and scope rules as the ledger endpoint, dates in Asia/Shanghai. */
@QueryHandler(ExportLedgerQuery)
export class ExportLedgerHandler implements IQueryHandler<ExportLedgerQuery> {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  async execute({ actor, scope, format }: ExportLedgerQuery): Promise<LedgerFile> {
    const ledger = await this.queries.execute(new LedgerQuery(actor, scope));
    const date = shanghaiDate(ledger.generatedAt);
    const subject =
      ledger.scope === 'visit' && ledger.visit ? `${ledger.institutionName}-检查${ledger.visit.visitId}` : ledger.institutionName;
    const key = 'visitId' in scope ? `visit-${scope.visitId}` : `institution-${scope.institutionId}`;
    const visit = ledger.scope === 'visit' ? ledger.visit : null;
    const qualifier = visit ? `${VISIT_KIND_LABELS[visit.kind]} ${shanghaiDate(visit.conductedOn ?? visit.plannedDate)}` : undefined;
    const title = { unitName: ledger.institutionName, cutOff: ledger.generatedAt, generatedAt: ledger.generatedAt };
    const body = format === 'csv' ? ledgerCsv(ledger.rows) : await ledgerXlsx(ledger.rows, qualifier ? { ...title, qualifier } : title);
    return {
      body,
      contentType: CONTENT_TYPES[format],
      asciiName: `ledger-${key.replace(/[^A-Za-z0-9_.-]/g, '_')}-${date}.${format}`,
      utf8Name: `整改台账-${subject}-${date}.${format}`,
      rows: ledger.rows.length,
    };
  }
}
