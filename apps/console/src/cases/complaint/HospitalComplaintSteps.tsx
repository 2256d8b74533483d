import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Popconfirm, Select, Space, Tabs } from 'antd';
import { api, Schemas } from '../../client/client';
import { call } from '../../client/errors';
import { LIVE_KEYS } from '../../session/live-updates';
import { caseFilesKey } from '../../shared/CaseFiles';
import { useCatalogue } from '../../shared/catalogue';
import { textRules, useStepMutation } from '../../shared/step-mutation';

type Ticket = Schemas['ComplaintTicketDetailDto'];

/** The API's caps (libs/complaints/src/http/intake.dto.ts). */
const TEXT_MAX = 5000;
const REASON_MAX = 2000;
const ID_MAX = 200;

/** The ticket's stream, as the audit's file routes name it. */
export const ticketStream = (ticketId: string): string => `complaintTicket-${ticketId}`;

/** After a step: the ticket (with its history), the list and the to-dos are re-read. */
export function useRefreshTicket(ticketId: string): () => Promise<unknown> {
  const queries = useQueryClient();
  return () =>
    Promise.all([
      queries.invalidateQueries({ queryKey: ['complaint', ticketId] }),
      queries.invalidateQueries({ queryKey: ['complaints'] }),
      queries.invalidateQueries({ queryKey: caseFilesKey(ticketStream(ticketId)) }),
      queries.invalidateQueries({ queryKey: LIVE_KEYS.todos }),
    ]);
}

const path = (ticketId: string) => ({ params: { path: { id: ticketId } } });

function NoteForm({ ticketId }: { ticketId: string }) {
  const [form] = Form.useForm<{ note: string }>();
  const submit = useStepMutation<{ note: string }>({
    form,
    done: '调查核实情况已记录',
    refresh: useRefreshTicket(ticketId),
    send: (v) => call(api.POST('/complaints/{id}/investigation-notes', { ...path(ticketId), body: { note: v.note.trim() } })),
  });
  return (
    <Form form={form} layout="vertical" name="investigation" onFinish={(v) => submit.mutate(v)}>
      <Form.Item name="note" label="调查核实情况" rules={textRules('调查核实情况', TEXT_MAX)}>
        <Input.TextArea rows={4} showCount maxLength={TEXT_MAX} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submit.isPending}>
        记录调查情况
      </Button>
    </Form>
  );
}

interface DecisionValues {
  decision: string;
  findings: string;
  implicatedStaffId?: string;
}

function DecisionForm({ ticketId }: { ticketId: string }) {
  const words = useCatalogue();
  const [form] = Form.useForm<DecisionValues>();
  const decision = Form.useWatch('decision', form);
  const submit = useStepMutation<DecisionValues>({
    form,
    done: '处理意见已提交',
    refresh: useRefreshTicket(ticketId),
    send: (v) =>
      call(
        api.POST('/complaints/{id}/decision', {
          ...path(ticketId),
          body: {
            decision: v.decision as Schemas['DecisionDto']['decision'],
            findings: v.findings.trim(),
            ...(v.decision === 'substantiated' && v.implicatedStaffId?.trim() ? { implicatedStaffId: v.implicatedStaffId.trim() } : {}),
          },
        }),
      ),
  });
  return (
    <Form form={form} layout="vertical" name="decision" onFinish={(v) => submit.mutate(v)}>
      <Form.Item name="decision" label="核查结论" rules={[{ required: true, message: '请选择核查结论' }]}>
        <Select options={words.options('complaintDecisions')} placeholder="请选择" />
      </Form.Item>
      <Form.Item name="findings" label="处理意见" rules={textRules('处理意见', TEXT_MAX)}>
        <Input.TextArea rows={4} showCount maxLength={TEXT_MAX} />
      </Form.Item>
      {decision === 'substantiated' && (
        <Form.Item name="implicatedStaffId" label="责任人员编号（可选）" rules={textRules('责任人员编号', ID_MAX, false)}>
          <Input maxLength={ID_MAX} />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={submit.isPending}>
        提交处理意见
      </Button>
    </Form>
  );
}

function AnswerForm({ ticketId }: { ticketId: string }) {
  const [form] = Form.useForm<{ answer: string }>();
  const submit = useStepMutation<{ answer: string }>({
    form,
    done: '已反馈投诉人',
    refresh: useRefreshTicket(ticketId),
    send: (v) => call(api.POST('/complaints/{id}/answer', { ...path(ticketId), body: { answer: v.answer.trim() } })),
  });
  return (
    <Form form={form} layout="vertical" name="answer" onFinish={(v) => submit.mutate(v)}>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message="反馈内容将在公众查询页面向投诉人展示，请勿填写个人隐私信息。" />
      <Form.Item name="answer" label="反馈内容" rules={textRules('反馈内容', TEXT_MAX)}>
        <Input.TextArea rows={4} showCount maxLength={TEXT_MAX} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submit.isPending}>
        反馈投诉人
      </Button>
    </Form>
  );
}

function ReasonForm({ ticketId, step }: { ticketId: string; step: 'extension-request' | 'return' }) {
  const [form] = Form.useForm<{ reason: string }>();
  const extension = step === 'extension-request';
  const submit = useStepMutation<{ reason: string }>({
    form,
    done: extension ? '延期申请已提交' : '已退单',
    refresh: useRefreshTicket(ticketId),
    send: (v) =>
      extension
        ? call(api.POST('/complaints/{id}/extension-request', { ...path(ticketId), body: { reason: v.reason.trim() } }))
        : call(api.POST('/complaints/{id}/return', { ...path(ticketId), body: { reason: v.reason.trim() } })),
  });
  const label = extension ? '延期理由' : '退单理由';
  return (
    <Form form={form} layout="vertical" name={step} onFinish={(v) => submit.mutate(v)}>
      <Form.Item name="reason" label={label} rules={textRules(label, REASON_MAX)}>
        <Input.TextArea rows={3} showCount maxLength={REASON_MAX} />
      </Form.Item>
      <Button type={extension ? 'primary' : 'default'} danger={!extension} htmlType="submit" loading={submit.isPending}>
        {extension ? '申请延期' : '退回（非本单位办理）'}
      </Button>
    </Form>
  );
}

/**
 * 投诉办理: the assigned hospital's steps in order — 签收, 调查核实, 处理意见, 反馈 — with 延期 and
 * 退单 while they apply (the decider's statuses: complaint-ticket.handling.ts, .extension.ts).
 */
export function HospitalComplaintSteps({ ticket }: { ticket: Ticket }) {
  const refresh = useRefreshTicket(ticket.ticketId);
  const acknowledge = useStepMutation<void>({
    done: '已签收',
    refresh,
    send: () => call(api.POST('/complaints/{id}/acknowledge', path(ticket.ticketId))),
  });
  const { status } = ticket;
  if (!['dispatched', 'acknowledged', 'decided'].includes(status)) return null;
  if (ticket.waitingOnComplainant) return <Alert type="info" showIcon message="正在等待投诉人补充材料，计时已暂停。" />;
  const extensionItem = ticket.extensionPending
    ? { key: 'extension', label: '申请延期', children: <Alert type="info" showIcon message="延期申请待审批。" /> }
    : { key: 'extension', label: '申请延期', children: <ReasonForm ticketId={ticket.ticketId} step="extension-request" /> };
  const items =
    status === 'dispatched'
      ? [
          {
            key: 'acknowledge',
            label: '签收',
            children: (
              <Space direction="vertical">
                <span>该投诉已转办至本单位，请签收后开展调查核实。</span>
                <Popconfirm title="确认签收该投诉？" okText="签收" cancelText="取消" onConfirm={() => acknowledge.mutate()}>
                  <Button type="primary" loading={acknowledge.isPending}>
                    签收
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
          { key: 'return', label: '退单', children: <ReasonForm ticketId={ticket.ticketId} step="return" /> },
          extensionItem,
        ]
      : status === 'acknowledged'
        ? [
            { key: 'note', label: '调查核实', children: <NoteForm ticketId={ticket.ticketId} /> },
            { key: 'decision', label: '处理意见', children: <DecisionForm ticketId={ticket.ticketId} /> },
            extensionItem,
            { key: 'return', label: '退单', children: <ReasonForm ticketId={ticket.ticketId} step="return" /> },
          ]
        : [{ key: 'answer', label: '反馈', children: <AnswerForm ticketId={ticket.ticketId} /> }, extensionItem];
  return (
    <Card title="投诉办理" size="small">
      <Tabs key={status} items={items} />
    </Card>
  );
}
