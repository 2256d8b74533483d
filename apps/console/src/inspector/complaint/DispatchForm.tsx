import { Alert, Button, Form, Radio, Select } from 'antd';
import { api, type Schemas } from '../../client/client';
import { call } from '../../client/errors';
import { useCatalogue } from '../../shared/catalogue';
import { complaintKey, useInstitutions, useRefreshAfterStep } from '../inspector-api';
import { useStepMutation } from '../../shared/step-mutation';

type Ticket = Schemas['ComplaintTicketDetailDto'];
interface DispatchValues {
  institutionId: string;
  complexity: 'simple' | 'complex';
}

/** 转办: to the institution concerned (or another after 退单), simple (5 working days) or complex (10). */
export function DispatchForm({ ticket }: { ticket: Ticket }) {
  const words = useCatalogue();
  const { institutions, loading } = useInstitutions();
  const refreshAfterStep = useRefreshAfterStep();
  const dispatch = useStepMutation({
    send: (values: DispatchValues) =>
      call(api.POST('/complaints/{id}/dispatch', { params: { path: { id: ticket.ticketId } }, body: values })),
    done: '已转办，医院将在期限内签收办理',
    refresh: () => refreshAfterStep(complaintKey(ticket.ticketId)),
  });
  return (
    <Form<DispatchValues>
      layout="vertical"
      size="large"
      initialValues={{ institutionId: ticket.concernedInstitutionId ?? undefined, complexity: 'simple' }}
      onFinish={(values) => dispatch.mutate(values)}
    >
      {ticket.lastReturnReason && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`医院退单：${ticket.lastReturnReason}`} />
      )}
      <Form.Item name="institutionId" label="承办机构" rules={[{ required: true, message: '请选择承办机构' }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={loading}
          options={institutions.map((unit) => ({ value: unit.id, label: unit.name }))}
        />
      </Form.Item>
      <Form.Item name="complexity" label="办理难度" extra="简单件 5 个工作日答复，复杂件 10 个工作日">
        <Radio.Group optionType="button" buttonStyle="solid" options={words.options('complaintComplexities')} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={dispatch.isPending}>
        转办
      </Button>
    </Form>
  );
}
