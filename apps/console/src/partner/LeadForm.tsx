import { Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { api, type Schemas } from '../client/client';
import { call } from '../client/errors';
import { newActionKey } from '../inspector/inspector-api';
import { useCatalogue } from '../shared/catalogue';
import { textRules, useStepMutation } from '../shared/step-mutation';
import { useLeadUnits, useRefreshLeads } from './lead-queries';

type Lead = Schemas['SubmitLeadDto'];

interface LeadValues {
  unitId: string;
  institutionId?: string;
  category: Lead['category'];
  description: string;
  agencyReference?: string;
  named: 'anonymous' | 'named';
  identity?: { name?: string; phone?: string; address?: string };
}

const trimmed = (text: string | undefined): string | undefined => text?.trim() || undefined;

/**
 * 移送线索 (POST /leads): the commission it goes to (the agency's own or one below it), the institution
 * concerned, category, what was found, the agency's own number and, if named, the informant — whose
 * name and contacts go encrypted into the complaint ticket only. The API's refusals show under the
 * field they name; on success the lead is a complaint ticket there, and `onSent` gets its code.
 */
export function LeadForm({ onClose, onSent }: { onClose: () => void; onSent: (ticketCode: string) => void }) {
  const words = useCatalogue();
  const { loading, commissions, institutionsUnder } = useLeadUnits();
  const refresh = useRefreshLeads();
  const [form] = Form.useForm<LeadValues>();
  const unitId = Form.useWatch('unitId', form);
  const named = Form.useWatch('named', form);
  const [key] = useState(newActionKey);
  const send = useStepMutation({
    form,
    send: (values: LeadValues) =>
      call(
        api.POST('/leads', {
          params: { header: { 'Idempotency-Key': key } },
          body: {
            unitId: values.unitId,
            institutionId: values.institutionId,
            category: values.category,
            description: values.description.trim(),
            agencyReference: trimmed(values.agencyReference),
            identity:
              values.named === 'named'
                ? {
                    name: trimmed(values.identity?.name),
                    phone: trimmed(values.identity?.phone),
                    address: trimmed(values.identity?.address),
                  }
                : undefined,
          },
        }),
      ),
    done: '线索已移送，已登记为投诉',
    then: (receipt) => onSent(receipt.ticketCode),
    refresh,
  });
  return (
    <Modal
      title="移送线索"
      open
      okText="移送"
      cancelText="返回"
      okButtonProps={{ loading: send.isPending }}
      onCancel={onClose}
      onOk={() =>
        void form
          .validateFields()
          .then((values) => send.mutate(values))
          .catch(() => undefined)
      }
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        线索移送至卫生健康行政部门后登记为投诉，由其受理、转办和办结；本单位可在此查看办理进度。
      </Typography.Paragraph>
      <Form<LeadValues> form={form} layout="vertical" initialValues={{ named: 'anonymous', identity: {} }}>
        <Form.Item name="unitId" label="受理单位" rules={[{ required: true, message: '请选择受理的卫生健康行政部门' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={loading}
            placeholder="选择卫生健康行政部门"
            options={commissions.map((unit) => ({ value: unit.id, label: unit.name }))}
            onChange={() => form.setFieldValue('institutionId', undefined)}
          />
        </Form.Item>
        <Form.Item name="institutionId" label="涉及机构">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            disabled={!unitId}
            placeholder={unitId ? '选择医疗机构（可选）' : '请先选择受理单位'}
            options={institutionsUnder(unitId).map((unit) => ({ value: unit.id, label: unit.name }))}
          />
        </Form.Item>
        <Form.Item name="category" label="线索类别" rules={[{ required: true, message: '请选择线索类别' }]}>
          <Select options={words.options('complaintCategories')} placeholder="选择类别" />
        </Form.Item>
        <Form.Item
          name="description"
          label="线索内容"
          rules={textRules('线索内容', 5000)}
          extra="举报人姓名和联系方式请填在下方，不要写在此处"
        >
          <Input.TextArea rows={5} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item name="agencyReference" label="来文编号" rules={textRules('来文编号', 100, false)}>
          <Input maxLength={100} placeholder="本单位的文号（可选），如 甲公移〔2025〕12号" />
        </Form.Item>
        <Form.Item name="named" label="举报人">
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'anonymous', label: '无 / 匿名' },
              { value: 'named', label: '实名' },
            ]}
          />
        </Form.Item>
        {named === 'named' && (
          <>
            <Form.Item name={['identity', 'name']} label="姓名">
              <Input maxLength={100} autoComplete="off" />
            </Form.Item>
            <Form.Item name={['identity', 'phone']} label="联系电话">
              <Input maxLength={30} inputMode="tel" autoComplete="off" />
            </Form.Item>
            <Form.Item name={['identity', 'address']} label="联系地址">
              <Input maxLength={300} autoComplete="off" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
