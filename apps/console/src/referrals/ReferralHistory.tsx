import { Timeline, Typography } from 'antd';
import { useCatalogue } from '../shared/catalogue';
import { beijingDateTime } from '../shared/time';
import { ReferralDetail } from './referral-queries';

interface Step {
  readonly key: string;
  readonly at: string;
  readonly text: string;
  readonly who: string | null;
  /** The unit that acted: the referring commission or the agency. */
  readonly unit: string;
  readonly late?: boolean;
}

/**
 * 办理经过: the referral's steps as its read model holds them (移交, 签收, 材料, 反馈, 办结), oldest first,
 * for both sides — partners have no audit routes; the commission's staff also have the referral's
 * full history and integrity check through 完整历史与核验 on the page.
 */
export function ReferralHistory({ referral, names }: { referral: ReferralDetail; names: Readonly<Record<string, string>> }) {
  const words = useCatalogue();
  const { fromUnit, toUnit } = referral;
  const steps: Step[] = [
    { key: 'made', at: referral.referredAt, text: `移交${names[toUnit] ?? toUnit}`, who: referral.referredBy, unit: fromUnit },
    ...(referral.acknowledgedAt
      ? [
          {
            key: 'ack',
            at: referral.acknowledgedAt,
            text: referral.acknowledgeOverdue ? '签收（已超过签收时限）' : '签收',
            who: referral.acknowledgedBy,
            unit: toUnit,
            late: referral.acknowledgeOverdue,
          },
        ]
      : []),
    ...referral.files
      .filter((file) => file.step === 'referralOutcome')
      .map((file) => ({
        key: `file-${file.digest}`,
        at: file.attachedAt,
        text: `上传材料：${file.name}${file.note ? `（${file.note}）` : ''}`,
        who: file.attachedBy,
        unit: toUnit,
      })),
    ...(referral.outcome
      ? [
          {
            key: 'outcome',
            at: referral.outcome.recordedAt,
            text: `反馈处理结果：${words.label('referralOutcomes', referral.outcome.outcome)}`,
            who: referral.outcome.recordedBy,
            unit: toUnit,
          },
        ]
      : []),
    ...(referral.closedAt
      ? [
          {
            key: 'closed',
            at: referral.closedAt,
            text: referral.closeNote ? `办结：${referral.closeNote}` : '办结',
            who: referral.closedBy,
            unit: fromUnit,
          },
        ]
      : []),
  ].sort((a, b) => a.at.localeCompare(b.at));

  return (
    <Timeline
      items={steps.map((step) => ({
        key: step.key,
        color: step.late ? 'red' : 'blue',
        content: (
          <div>
            <div className="timeline-summary">{step.text}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {beijingDateTime(step.at)} · {step.who ? (names[step.who] ?? step.who) : ''}（{names[step.unit] ?? step.unit}）
            </Typography.Text>
          </div>
        ),
      }))}
    />
  );
}
