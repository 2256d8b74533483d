import { Inject, Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { AccessPolicy, Jurisdiction } from '@bihuan/auth';
import { ComplaintStatisticsQuery, StatisticsGroup } from '@bihuan/complaints';
import { Actor, Clock, CLOCK, shanghaiDayStartMs } from '@bihuan/core';
import { CreditQueries } from '@bihuan/credit';
import { LedgerCountsQuery } from '@bihuan/inspection';
import {
  addOfficeSheet,
  CSV_MEDIA_TYPE,
  newOfficeWorkbook,
  officeCsv,
  periodWordsOf,
  StatisticsHeading,
  writeOfficeWorkbook,
  XLSX_MEDIA_TYPE,
} from '@bihuan/platform';
import { FigurePart, STATISTICS_TABLES, StatisticsFigures, StatisticsTable, TABLE_PARTS, tableSheet } from './statistics-tables';

export interface StatisticsExportFilter {
  readonly from?: string;
  readonly to?: string;
  readonly institutionId?: string;
}

export interface StatisticsFile {
  readonly body: Buffer;
  readonly contentType: string;
  readonly utf8Name: string;
  readonly asciiName: string;
}

const DAY_MS = 86_400_000;
/** A Beijing date as the complaints' instants: 00:00 that day (`to` is exclusive there, so the day after). */
const dayStart = (date: string, plusDays = 0): string => new Date(shanghaiDayStartMs(date) + plusDays * DAY_MS).toISOString();

/**
 * The leaders' figures (the dashboard's, read through each context's own query and scope) as 通报
 * tables: every table a sheet of one workbook, or one table as XLSX or CSV. Findings count by the
 * date opened and complaints by the date received, both within [from, to] in Beijing; credit
 * stands as of now. An institution named must be known (400) and in the caller's scope (403).
 */
@Injectable()
export class StatisticsExportService {
  constructor(
    @Inject(QueryBus) private readonly queries: QueryBus,
    @Inject(ComplaintStatisticsQuery) private readonly complaints: ComplaintStatisticsQuery,
    @Inject(CreditQueries) private readonly credit: CreditQueries,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async export(actor: Actor, filter: StatisticsExportFilter, format: 'xlsx' | 'csv', table?: StatisticsTable): Promise<StatisticsFile> {
    if (filter.institutionId !== undefined) {
      this.jurisdiction.requireInstitution(filter.institutionId, 'institutionId');
      this.access.assertInScope(actor, filter.institutionId, 'institution');
    }
    const tables = table ? [table] : [...STATISTICS_TABLES];
    const figures = await this.read(actor, filter, new Set(tables.map((t) => TABLE_PARTS[t])));
    const generatedAt = this.clock.now().toISOString();
    const heading: StatisticsHeading = {
      scope: this.unitName(filter.institutionId ?? actor.unit),
      period: periodWordsOf(filter.from, filter.to, generatedAt),
      generatedAt,
    };
    const sheets = tables.map((t) => tableSheet(t, figures, heading, (id) => this.unitName(id)));
    const day = generatedAt.slice(0, 10);
    if (format === 'csv') {
      const only = sheets[0]!;
      return {
        body: officeCsv(only.columns, only.rows),
        contentType: `${CSV_MEDIA_TYPE}; charset=utf-8`,
        ...names(only.sheetName, table, day, 'csv'),
      };
    }
    const workbook = await newOfficeWorkbook(`${heading.scope}统计通报表`);
    for (const sheet of sheets) addOfficeSheet(workbook, sheet);
    return {
      body: await writeOfficeWorkbook(workbook),
      contentType: XLSX_MEDIA_TYPE,
      ...names(sheets.length === 1 ? sheets[0]!.sheetName : '统计通报表', table, day, 'xlsx'),
    };
  }

  private unitName(id: string): string {
    return this.jurisdiction.get(id)?.name ?? id;
  }

  /** Each part the tables read, through its context's query (each applies the caller's scope). */
  private async read(actor: Actor, filter: StatisticsExportFilter, parts: ReadonlySet<FigurePart>): Promise<StatisticsFigures> {
    const { from, to, institutionId } = filter;
    const received = {
      ...(from ? { from: dayStart(from) } : {}),
      ...(to ? { to: dayStart(to, 1) } : {}),
      ...(institutionId ? { institutionId } : {}),
    };
    const complaints = (groupBy: StatisticsGroup) => this.complaints.statistics(actor, groupBy, received);
    const [findings, complaintsByInstitution, complaintsByMonth, credit] = await Promise.all([
      parts.has('findings') ? this.queries.execute(new LedgerCountsQuery(actor, filter)) : undefined,
      parts.has('complaintsByInstitution') ? complaints('institution') : undefined,
      parts.has('complaintsByMonth') ? complaints('month') : undefined,
      parts.has('credit') ? this.creditFigures(actor, institutionId) : undefined,
    ]);
    return { findings, complaintsByInstitution, complaintsByMonth, credit };
  }

  private async creditFigures(actor: Actor, institutionId: string | undefined): Promise<StatisticsFigures['credit']> {
    const visible = this.access.visibleInstitutions(actor).filter((id) => institutionId === undefined || id === institutionId);
    const [levels, listEntries] = await Promise.all([
      this.credit.levels(actor.role, visible, this.credit.now(), await this.credit.policy()),
      this.credit.listEntries(actor.role, visible),
    ]);
    return { levels, listEntries };
  }
}

/** 统计通报表-2025-03-31.xlsx, or the one table's own name; an ASCII name for old clients. */
function names(what: string, table: StatisticsTable | undefined, day: string, ext: string): { utf8Name: string; asciiName: string } {
  return { utf8Name: `${what}-${day}.${ext}`, asciiName: `statistics-${table ?? 'all'}-${day}.${ext}` };
}
