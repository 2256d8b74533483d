import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { ETHICS_EXPORT_HEADERS, ethicsExportRow, EthicsExportRow } from '../domain/evaluation/ethics-export';
import { CommandExecution } from '@bihuan/platform';
import { ETHICS_EVALUATION_CATEGORY, ethicsEvaluationDecider } from '../domain/evaluation/ethics-evaluation.decider';
import { EthicsQueries } from '../read-models/ethics.queries';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The year's final results of an institution as XLSX for the physician's periodic-assessment body
 * (定期考核): one row per finalised evaluation (ethicsExportRow, folded from its stream), Chinese headers.
 */
@Injectable()
export class EthicsExportService {
  constructor(
    private readonly execution: CommandExecution,
    private readonly queries: EthicsQueries,
  ) {}

  async rows(institutionId: string, year: number): Promise<EthicsExportRow[]> {
    const ids = (await this.queries.evaluations(institutionId, year)).filter((r) => r.status === 'finalised').map((r) => r.evaluationId);
    const states = await Promise.all(ids.map((id) => this.execution.state(ethicsEvaluationDecider(), ETHICS_EVALUATION_CATEGORY, id)));
    return states.map(ethicsExportRow).filter((r): r is EthicsExportRow => r !== null);
  }

  async xlsx(institutionId: string, year: number): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'Bihuan';
    const sheet = workbook.addWorksheet(`医德考评 ${year}`);
    const keys = Object.keys(ETHICS_EXPORT_HEADERS) as (keyof EthicsExportRow)[];
    sheet.columns = keys.map((key) => ({ header: ETHICS_EXPORT_HEADERS[key], key, width: 18 }));
    for (const row of await this.rows(institutionId, year)) {
      sheet.addRow({
        ...row,
        downgradedByCap: row.downgradedByCap ? '是' : '否',
        passesPeriodicAssessment: row.passesPeriodicAssessment ? '合格' : '不合格',
      });
    }
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }
}
