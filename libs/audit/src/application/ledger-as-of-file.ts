import { AsOf } from '@bihuan/event-store';
import { ledgerCsv, ledgerXlsx } from '@bihuan/inspection';
import { shanghaiInstantWords } from '@bihuan/platform';
import { asOfLedgerSheetRows, lastRecordedAt } from './ledger-as-of-export';
import { LedgerFold } from './ledger-as-of';

export type LedgerExportFormat = 'xlsx' | 'csv';

export const LEDGER_EXPORT_TYPES: Readonly<Record<LedgerExportFormat, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

export interface AsOfLedgerFile {
  readonly body: Buffer;
  readonly contentType: string;
  /** 整改台账-<单位>-截至<时刻>.xlsx, and its ASCII fallback. */
  readonly fileName: string;
  readonly asciiName: string;
  readonly rows: number;
}

export interface AsOfLedgerInput {
  readonly fold: LedgerFold;
  readonly asOf: AsOf;
  readonly institutionId: string;
  readonly unitName: string;
  readonly format: LedgerExportFormat;
  /** The clock now: 填报日期, and 截至 when the log holds nothing yet. */
  readonly now: string;
}

/**
 * An as-of ledger as a file laid out like today's export (same columns, totals, signature lines),
 * the title saying 截至 <instant>: the instant asked for, or — for a log position — the time of the
 * last event folded (and the position, so the file can be reproduced).
 */
export async function asOfLedgerFile(input: AsOfLedgerInput): Promise<AsOfLedgerFile> {
  const { fold, asOf, format } = input;
  const instant = 'recordedAt' in asOf ? new Date(Date.parse(asOf.recordedAt)).toISOString() : (lastRecordedAt(fold) ?? input.now);
  const rows = asOfLedgerSheetRows(fold, instant);
  const words = `${shanghaiInstantWords(instant)}${'position' in asOf ? `（日志位置${asOf.position}）` : ''}`;
  const body =
    format === 'csv'
      ? ledgerCsv(rows)
      : await ledgerXlsx(rows, { unitName: input.unitName, cutOff: instant, cutOffWords: words, generatedAt: input.now });
  const stamp = instant.slice(0, 16).replace(/[-:T]/g, '');
  return {
    body,
    contentType: LEDGER_EXPORT_TYPES[format],
    fileName: `整改台账-${input.unitName}-截至${stamp}.${format}`,
    asciiName: `ledger-${input.institutionId.replace(/[^A-Za-z0-9_.-]/g, '_')}-asof-${stamp}.${format}`,
    rows: rows.length,
  };
}
