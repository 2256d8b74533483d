import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../../client/client';
import { call } from '../../client/errors';
import { newActionKey } from '../../inspector/inspector-api';
import { useStepMutation } from '../../shared/step-mutation';
import { BEIJING } from '../../shared/time';
import { CREDIT_CHECKS_KEY, CreditApplicant } from './credit-check-queries';

/** The API's cap on the description (libs/credit credit-check.dto.ts). */
const DESCRIPTION_MAX = 4000;

interface FalseMaterialValues {
  description: string;
  occurredAt: Dayjs;
}

/**
 * 提供虚假材料 (the approving office, POST /credit/subjects/false-material): an adverse record on the
 * applicant just checked, which later checks and, once it is an institution, its credit archive show.
 * The applicant is the one the check named (its number is sent, never shown: `shownAs` is the API's
 * masked form); the step is confirmed before it is recorded, and one key per dialog makes a retry harmless.
 */
export function FalseMaterialButton({ applicant, shownAs }: { applicant: CreditApplicant; shownAs: string }) {
  const { modal } = App.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm<FalseMaterialValues>();
  const [findingId, setFindingId] = useState<string | null>(null);
  const record = useStepMutation<FalseMaterialValues>({
    form,
    done: '已记录提供虚假材料，该不良信息将计入申请人信用',
    refresh: () => queries.invalidateQueries({ queryKey: CREDIT_CHECKS_KEY }),
    send: (v) =>
      call(
        api.POST('/credit/subjects/false-material', {
          body: {
            ...applicant,
            ...(findingId ? { findingId } : {}),
            description: v.description.trim(),
            // The picker shows Beijing wall time, whatever the browser's zone.
            occurredAt: dayjs.tz(v.occurredAt.format('YYYY-MM-DD HH:mm'), BEIJING).toISOString(),
          },
        }),
      ),
  });
  const confirm = (values: FalseMaterialValues): void => {
    modal.confirm({
      title: '确认记录提供虚假材料？',
      content: `将对申请人（${shownAs}）记录一条不良信息，按信用政策计分并计入其信用等级。`,
      okText: '确认记录',
      okButtonProps: { danger: true },
      cancelText: '返回',
      onOk: () =>
        record
          .mutateAsync(values)
          .then(() => setFindingId(null))
          .catch(() => undefined),
    });
  };
  return (
    <>
      <Button danger onClick={() => setFindingId(newActionKey())}>
        记录提供虚假材料
      </Button>
      <Modal
        title="记录提供虚假材料"
        open={findingId !== null}
        okText="记录"
        okButtonProps={{ danger: true, loading: record.isPending }}
        cancelText="返回"
        onCancel={() => setFindingId(null)}
        onOk={() => void form.validateFields().then(confirm, () => undefined)}
        destroyOnHidden
      >
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={`申请人：${shownAs}`}
          description="描述将以明文保存，请勿填写任何人的姓名、证件号等个人信息。"
        />
        <Form<FalseMaterialValues> form={form} layout="vertical" name="false-material">
          <Form.Item
            name="description"
            label="虚假材料情况"
            rules={[
              { required: true, whitespace: true, message: '请填写虚假材料情况' },
              { max: DESCRIPTION_MAX, message: `虚假材料情况不能超过 ${DESCRIPTION_MAX} 个字` },
            ]}
          >
            <Input.TextArea rows={4} showCount maxLength={DESCRIPTION_MAX} placeholder="如：提交的房屋产权证明系伪造" />
          </Form.Item>
          <Form.Item name="occurredAt" label="提交材料时间" rules={[{ required: true, message: '请选择提交材料的时间' }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
