import { Alert, Button, Checkbox, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, type Schemas } from '../../client/client';
import { call } from '../../client/errors';
import { findingStream, useFindingHistory } from '../../cases/finding/finding-queries';
import { CaseFiles } from '../../shared/CaseFiles';
import { useCatalogue } from '../../shared/catalogue';
import { namesOf } from '../../shared/names';
import { beijingDateTime } from '../../shared/time';
import { findingKey, useRefreshAfterStep } from '../inspector-api';
import { useStepMutation } from '../../shared/step-mutation';

type FindingDetail = Schemas['InspectionFindingDetailDto'];

interface SignOffValues {
  comment?: string;
  recheckDueDate?: string;
}

/** The hospital's words when it asked for sign-off: the last SignOffRequested of the history. */
function useSignOffRequest(findingId: string) {
  const history = useFindingHistory(findingId);
  const entry = [...(history.data?.entries ?? [])].reverse().find((e) => e.type === 'SignOffRequested');
  const data = (entry?.data ?? {}) as { summary?: unknown };
  return entry ? { summary: typeof data.summary === 'string' ? data.summary : '', at: entry.occurredAt } : null;
}

/**
 * 销号审核: what the hospital reports and the evidence it cites (thumbnails, full size on tap), then
 * 同意销号 (with an optional re-check) or 退回整改 with reasons, one a line. An 立行立改 finding may be
 * signed off without a request (`direct`).
 */
export function SignOffReview({ detail, direct = false }: { detail: FindingDetail; direct?: boolean }) {
  const findingId = detail.findingId;
  const words = useCatalogue();
  const request = useSignOffRequest(findingId);
  const [rejecting, setRejecting] = useState(false);
  const [rejectForm] = Form.useForm<{ reasons: string }>();
  const severe = detail.finding.severity === 'severe';
  const [recheck, setRecheck] = useState(severe);
  const refreshAfterStep = useRefreshAfterStep();
  const signOff = useStepMutation({
    send: (values: SignOffValues) =>
      call(
        api.POST('/findings/{findingId}/sign-off', {
          params: { path: { findingId } },
          body: {
            comment: values.comment?.trim() || undefined,
            recheck: recheck || undefined,
            recheckDueDate: recheck && values.recheckDueDate ? values.recheckDueDate : undefined,
          },
        }),
      ),
    done: '已销号',
    refresh: () => refreshAfterStep(findingKey(findingId)),
  });
  const reject = useStepMutation({
    send: (reasons: string[]) => call(api.POST('/findings/{findingId}/reject', { params: { path: { findingId } }, body: { reasons } })),
    done: '已退回医院继续整改',
    refresh: () => refreshAfterStep(findingKey(findingId)),
  });
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {!direct && (
        <Alert
          type="info"
          showIcon
          message="医院申请销号"
          description={
            request ? (
              <>
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                  {request.summary || '（未填写说明）'}
                </Typography.Paragraph>
                <Typography.Text type="secondary">{beijingDateTime(request.at)}</Typography.Text>
              </>
            ) : (
              '正在读取申请…'
            )
          }
        />
      )}
      <Typography.Title level={5} style={{ margin: 0 }}>
        整改证据
      </Typography.Title>
      <CaseFiles
        stream={findingStream(findingId)}
        files={detail.files}
        cited={detail.rectification.evidence}
        names={namesOf(detail)}
        stepLabel={(step) => words.label('inspectionEvidenceSteps', step)}
        large
      />
      <Form<SignOffValues> layout="vertical" size="large" onFinish={(values) => signOff.mutate(values)}>
        <Form.Item name="comment" label="审核意见">
          <Input.TextArea rows={2} maxLength={2000} placeholder="如：整改到位，同意销号" />
        </Form.Item>
        <Form.Item extra={severe ? '严重问题销号后必须回头看' : undefined}>
          <Checkbox checked={recheck} disabled={severe} onChange={(event) => setRecheck(event.target.checked)}>
            销号后安排回头看
          </Checkbox>
        </Form.Item>
        {recheck && (
          <Form.Item name="recheckDueDate" label="回头看日期" extra="不填则按政策默认天数">
            <Input type="date" />
          </Form.Item>
        )}
        <div className="field-actions" style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          <Button type="primary" htmlType="submit" loading={signOff.isPending} style={{ flex: 1 }}>
            同意销号
          </Button>
          {!direct && (
            <Button danger onClick={() => setRejecting(true)} style={{ flex: 1 }}>
              退回整改
            </Button>
          )}
        </div>
      </Form>
      <Modal
        title="退回整改"
        open={rejecting}
        okText="退回"
        cancelText="返回"
        okButtonProps={{ danger: true, loading: reject.isPending }}
        onCancel={() => setRejecting(false)}
        onOk={() =>
          void rejectForm.validateFields().then((values) =>
            reject.mutate(
              values.reasons
                .split('\n')
                .map((line) => line.trim())
                .filter(Boolean),
              { onSuccess: () => setRejecting(false) },
            ),
          )
        }
        destroyOnHidden
      >
        <Form form={rejectForm} layout="vertical">
          <Form.Item
            name="reasons"
            label="退回理由"
            extra="每行一条，医院将逐条看到"
            rules={[{ required: true, whitespace: true, message: '请至少填写一条退回理由' }]}
          >
            <Input.TextArea rows={4} maxLength={2000} placeholder={'缺少承诺书扫描件\n整改照片不清晰'} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
