import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Space, Typography } from 'antd';
import { api } from '../../client/client';
import { call } from '../../client/errors';
import { TextStepButton } from '../../inspector/complaint/TextStepButton';
import { useStepMutation } from '../../shared/step-mutation';
import { REVIEW_TEXT_MAX, ReportDuty, useRefreshDuty } from './duty-queries';

/**
 * Whether the reader's jurisdiction covers `unitId` (it is in their subtree of the directory): the
 * API reviews a duty only for the campaign's issuing office and those above it, so others are told
 * who reviews rather than offered buttons the API would refuse.
 */
function useCovers(unitId: string): boolean | undefined {
  const units = useQuery({
    queryKey: ['directory', 'units'],
    queryFn: () => call(api.GET('/directory/units')),
    staleTime: 10 * 60_000,
  });
  return units.data ? units.data.units.some((unit) => unit.id === unitId) : undefined;
}

/** 审核 (the issuing office's inspectors and leaders, once the report is handed in): 通过, or 退回 with the reasons. */
export function ReviewReportActions({ duty, names }: { duty: ReportDuty; names: Readonly<Record<string, string>> }) {
  const covers = useCovers(duty.issuingUnitId);
  const refresh = useRefreshDuty(duty.dutyId);
  const path = { params: { path: { dutyId: duty.dutyId } } };
  const accept = useStepMutation({
    send: (comment: string | undefined) => call(api.POST('/report-duties/{dutyId}/accept', { ...path, body: comment ? { comment } : {} })),
    done: '报送材料已通过',
    refresh,
  });
  const giveBack = useStepMutation({
    send: (reason: string) => call(api.POST('/report-duties/{dutyId}/return', { ...path, body: { reason } })),
    done: '报送材料已退回，等待重新报送',
    refresh,
  });
  if (covers === undefined) return null;
  if (!covers)
    return <Alert type="info" showIcon message={`该报送由${names[duty.issuingUnitId] ?? duty.issuingUnitId}审核，本单位仅可查看。`} />;
  return (
    <Card title="审核报送材料" size="small">
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text type="secondary">请核对最近一次报送的内容和附件：材料合格即通过；需补充或修改的，退回并写明理由。</Typography.Text>
        <Space wrap>
          <TextStepButton
            label="通过"
            type="primary"
            fieldLabel="审核意见（可选）"
            required={false}
            maxLength={REVIEW_TEXT_MAX}
            loading={accept.isPending}
            run={(comment) => accept.mutateAsync(comment)}
          />
          <TextStepButton
            label="退回"
            danger
            fieldLabel="退回理由"
            placeholder="写明需要补充或修改的内容，单位将据此重新报送"
            maxLength={REVIEW_TEXT_MAX}
            loading={giveBack.isPending}
            run={(reason) => giveBack.mutateAsync(reason ?? '')}
          />
        </Space>
      </Space>
    </Card>
  );
}
