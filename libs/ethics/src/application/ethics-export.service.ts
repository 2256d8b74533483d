import { Inject, Injectable } from '@nestjs/common';
import { Jurisdiction } from '@bihuan/auth';
import { Clock, CLOCK } from '@bihuan/core';
import { CommandExecution, officeXlsx, XLSX_MEDIA_TYPE } from '@bihuan/platform';
import { ethicsExportRow, EthicsExportRow } from '../domain/evaluation/ethics-export';
import { ETHICS_EVALUATION_CATEGORY, ethicsEvaluationDecider } from '../domain/evaluation/ethics-evaluation.decider';
import { EthicsQueries } from '../read-models/ethics.queries';
import { ETHICS_RESULT_COLUMNS, EthicsResultLine, ethicsResultTotals } from './ethics-export.columns';

/** The export's media type, the platform's one name for XLSX. */
export const XLSX_CONTENT_TYPE = XLSX_MEDIA_TYPE;

/**
 * The year's final results of an institution as XLSX for the physician's periodic-assessment body
 * (定期考核): one row per finalised evaluation (ethicsExportRow, folded from its stream) with the
 * person's name, laid out as offices file it (title, 序号, Chinese grades, 合计, signature lines).
 */
@Injectable()
export class EthicsExportService {
  constructor(
    private readonly execution: CommandExecution,
    private readonly queries: EthicsQueries,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async rows(institutionId: string, year: number): Promise<EthicsExportRow[]> {
    const ids = (await this.queries.evaluations(institutionId, year)).filter((r) => r.status === 'finalised').map((r) => r.evaluationId);
    const states = await Promise.all(ids.map((id) => this.execution.state(ethicsEvaluationDecider(), ETHICS_EVALUATION_CATEGORY, id)));
    return states.map(ethicsExportRow).filter((r): r is EthicsExportRow => r !== null);
  }

  /** The rows with names, by department then staff id, numbered 1…n. */
  async lines(institutionId: string, year: number): Promise<EthicsResultLine[]> {
    const archives = new Map((await this.queries.archivesOf([institutionId])).map((a) => [a.staffId, a]));
    const named = (await this.rows(institutionId, year)).map((r) => ({
      ...r,
      name: archives.get(r.staffId)?.name ?? r.staffId,
      department: r.departmentId ?? archives.get(r.staffId)?.departmentId ?? '',
    }));
    named.sort((a, b) => a.department.localeCompare(b.department) || a.staffId.localeCompare(b.staffId));
    return named.map((r, i) => ({ ...r, seq: i + 1 }));
  }

  async xlsx(institutionId: string, year: number): Promise<Buffer> {
    const lines = await this.lines(institutionId, year);
    const unit = this.jurisdiction.get(institutionId)?.name ?? institutionId;
    return officeXlsx({
      sheetName: `医德考评${year}`,
      title: `${unit}${year}年度医德考评结果`,
      columns: ETHICS_RESULT_COLUMNS,
      rows: lines,
      totals: ethicsResultTotals(lines),
      generatedAt: this.clock.now().toISOString(),
    });
  }
}
