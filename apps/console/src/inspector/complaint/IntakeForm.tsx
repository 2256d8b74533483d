import { App, Button, Checkbox, Form, Input, Radio, Result, Select, Typography } from 'antd';
import { useState } from 'react';
import { api, type Schemas } from '../../client/client';
import { call, messageOf } from '../../client/errors';
import { useCatalogue } from '../../shared/catalogue';
import { newActionKey, useInstitutions, useRefreshAfterStep } from '../inspector-api';
import { useMutation } from '@tanstack/react-query';

type Intake = Schemas['ReceiveComplaintDto'];
type Received = Schemas['ReceivedTicketDto'];

interface IntakeValues {
  channel: Intake['channel'];
  category: Intake['category'];
  institutionId?: string;
  description: string;
  externalReference?: string;
  named: 'anonymous' | 'named';
  name?: string;
  phone?: string;
  address?: string;
  notifyBySms?: boolean;
}

const trimmed = (text: string | undefined): string | undefined => text?.trim() || undefined;

/**
 * 登记投诉: a complaint received by phone, letter, at the window or from 12345. The ticket code and
 * secret are shown once, to be read out or written to the complainant (they check the status with both).
 */
export function IntakeForm({ onOpenTicket }: { onOpenTicket: (ticketId: string) => void }) {
  const words = useCatalogue();
  const { message } = App.useApp();
  const { institutions, loading } = useInstitutions();
  const refresh = useRefreshAfterStep();
  const [form] = Form.useForm<IntakeValues>();
  const named = Form.useWatch('named', form);
  const phone = Form.useWatch('phone', form);
  const [key, setKey] = useState(newActionKey);
  const [received, setReceived] = useState<Received | null>(null);
  const receive = useMutation({
    mutationFn: (values: IntakeValues) =>
      call(
        api.POST('/complaints', {
          params: { header: { 'Idempotency-Key': key } },
          body: {
            channel: values.channel,
            category: values.category,
            description: values.description.trim(),
            institutionId: values.institutionId,
            externalReference: trimmed(values.externalReference),
            identity:
              values.named === 'named'
                ? { name: trimmed(values.name), phone: trimmed(values.phone), address: trimmed(values.address) }
                : undefined,
            notifyBySms: values.named === 'named' && trimmed(values.phone) ? Boolean(values.notifyBySms) : undefined,
          },
        }),
      ),
    onSuccess: async (answer) => {
      setReceived(answer);
      setKey(newActionKey());
      await refresh(['complaints']);
    },
    onError: (error) => message.error(messageOf(error)),
  });

  if (received)
    return (
      <Result
        status="success"
        title="投诉已受理"
        subTitle="请将以下受理编号和查询密码告知投诉人（密码只显示这一次）"
        extra={[
          <Button key="open" type="primary" size="large" onClick={() => onOpenTicket(received.ticketId)}>
            立即转办
          </Button>,
          <Button
            key="next"
            size="large"
            onClick={() => {
              setReceived(null);
              form.resetFields();
            }}
          >
            继续登记
          </Button>,
        ]}
      >
        <Typography.Paragraph style={{ fontSize: 18 }}>
          受理编号：
          <Typography.Text strong code copyable>
            {received.ticketCode}
          </Typography.Text>
        </Typography.Paragraph>
        <Typography.Paragraph style={{ fontSize: 18 }}>
          查询密码：
          <Typography.Text strong code copyable>
            {received.secret}
          </Typography.Text>
        </Typography.Paragraph>
      </Result>
    );

  return (
    <Form<IntakeValues>
      form={form}
      layout="vertical"
      size="large"
      initialValues={{ channel: 'hotline', named: 'anonymous' }}
      onFinish={(values) => receive.mutate(values)}
    >
      <Form.Item name="channel" label="来源渠道" rules={[{ required: true, message: '请选择来源渠道' }]}>
        <Select options={words.options('complaintChannels')} />
      </Form.Item>
      <Form.Item name="externalReference" label="来件编号" extra="12345 工单号或转办单位编号（可选，同一编号不会重复受理）">
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="category" label="投诉类别" rules={[{ required: true, message: '请选择投诉类别' }]}>
        <Select options={words.options('complaintCategories')} />
      </Form.Item>
      <Form.Item name="institutionId" label="被投诉机构">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={loading}
          placeholder="输入名称查找（可选）"
          options={institutions.map((unit) => ({ value: unit.id, label: unit.name }))}
        />
      </Form.Item>
      <Form.Item name="description" label="投诉内容" rules={[{ required: true, whitespace: true, message: '请记录投诉内容' }]}>
        <Input.TextArea rows={5} maxLength={3000} showCount />
      </Form.Item>
      <Form.Item name="named" label="投诉人">
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: 'anonymous', label: '匿名' },
            { value: 'named', label: '实名' },
          ]}
        />
      </Form.Item>
      {named === 'named' && (
        <>
          <Form.Item name="name" label="姓名">
            <Input maxLength={100} autoComplete="off" />
          </Form.Item>
          <Form.Item name="phone" label="联系电话">
            <Input maxLength={30} inputMode="tel" autoComplete="off" />
          </Form.Item>
          <Form.Item name="address" label="联系地址">
            <Input maxLength={300} autoComplete="off" />
          </Form.Item>
          {phone?.trim() && (
            <Form.Item name="notifyBySms" valuePropName="checked">
              <Checkbox>办理进展短信通知投诉人</Checkbox>
            </Form.Item>
          )}
        </>
      )}
      <Button type="primary" htmlType="submit" block loading={receive.isPending}>
        受理登记
      </Button>
    </Form>
  );
}
