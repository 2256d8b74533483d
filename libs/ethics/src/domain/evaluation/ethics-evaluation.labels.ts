import { EthicsEvaluationStatus } from './ethics-evaluation.state';

/**
 * Where an annual evaluation (医德考评) stands: self → department → institution (→ public posting)
 * → final. Beside the grade, source and veto labels (ethics-values.ts), served by GET /catalogue.
 */
export const ETHICS_EVALUATION_STATUS_LABELS: Readonly<Record<EthicsEvaluationStatus, string>> = {
  opened: '待个人自评',
  selfSubmitted: '已自评，待科室评议',
  departmentReviewed: '科室已评议，待单位评定',
  scored: '单位已评定',
  posted: '已公示',
  finalised: '已确定等次',
};
