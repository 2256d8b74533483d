import { Button, Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { api, type Schemas } from '../../client/client';
import { call } from '../../client/errors';
import { uploadFile } from '../../client/files';
import { PhotoPicker } from '../../cases/visit/PhotoPicker';
import { findingKey, useRefreshAfterStep } from '../inspector-api';
import { useStepMutation } from '../../shared/step-mutation';

type EvidenceAck = Schemas['InspectionEvidenceAckDto'];

interface RecheckValues {
  outcome: 'passed' | 'reopened';
  notes: string;
  dueDate?: string;
}

/** 回头看: on site again after sign-off, with photos; 未通过 (反弹) opens a new rectification round. */
export function RecheckForm({ findingId }: { findingId: string }) {
  const [form] = Form.useForm<RecheckValues>();
  const outcome = Form.useWatch('outcome', form);
  const [photos, setPhotos] = useState<File[]>([]);
  const refreshAfterStep = useRefreshAfterStep();
  const recheck = useStepMutation({
    send: async (values: RecheckValues) => {
      const evidence: string[] = [];
      for (const photo of photos) {
        const body = new FormData();
        body.append('file', photo, photo.name);
        body.append('step', 'recheck');
        const ack = await uploadFile<EvidenceAck>(`/findings/${encodeURIComponent(findingId)}/evidence`, body);
        evidence.push(ack.file.digest);
      }
      return call(
        api.POST('/findings/{findingId}/recheck', {
          params: { path: { findingId } },
          body: {
            outcome: values.outcome,
            notes: values.notes.trim(),
            evidence: evidence.length > 0 ? evidence : undefined,
            dueDate: values.outcome === 'reopened' && values.dueDate ? values.dueDate : undefined,
          },
        }),
      );
    },
    done: '回头看结果已记录',
    refresh: () => refreshAfterStep(findingKey(findingId)),
  });
  return (
    <Form<RecheckValues>
      form={form}
      layout="vertical"
      size="large"
      initialValues={{ outcome: 'passed' }}
      onFinish={(values) => recheck.mutate(values, { onSuccess: () => setPhotos([]) })}
    >
      <Form.Item name="outcome" label="回头看结果">
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: 'passed', label: '整改保持，通过' },
            { value: 'reopened', label: '问题反弹，重新整改' },
          ]}
        />
      </Form.Item>
      <Form.Item name="notes" label="回头看情况" rules={[{ required: true, whitespace: true, message: '请填写回头看情况' }]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      {outcome === 'reopened' && (
        <Form.Item name="dueDate" label="重新整改截止日期" extra="不填则按政策默认">
          <Input type="date" />
        </Form.Item>
      )}
      <Form.Item label="现场照片">
        <PhotoPicker label="回头看" photos={photos} onChange={setPhotos} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={recheck.isPending}>
        提交回头看结果
      </Button>
    </Form>
  );
}
