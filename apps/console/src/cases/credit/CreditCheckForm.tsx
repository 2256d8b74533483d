import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Select } from 'antd';
import { api } from '../../client/client';
import { call } from '../../client/errors';
import { useCatalogue } from '../../shared/catalogue';
import { textRules, useStepMutation } from '../../shared/step-mutation';
import { CREDIT_CHECKS_KEY, CreditApplicant, CreditCheckAnswer, IDENTIFIER_SHAPES } from './credit-check-queries';

/** The API's cap on the office's reference (受理编号). */
const REF_MAX = 100;

/**
 * 核查: the applicant (an organisation by 统一社会信用代码, a person by 居民身份证号), the licensing
 * procedure and the office's reference. The shape of the number is hinted while typing; the API
 * checks it and its refusal shows under the field. The form is cleared once the check is recorded,
 * so a person's number stays on screen no longer than it is typed.
 */
export function CreditCheckForm({ onChecked }: { onChecked: (answer: CreditCheckAnswer, applicant: CreditApplicant) => void }) {
  const words = useCatalogue();
  const queries = useQueryClient();
  const [form] = Form.useForm<CreditApplicant>();
  const kind = Form.useWatch('subjectKind', form) ?? 'organisation';
  const shape = IDENTIFIER_SHAPES[kind] ?? IDENTIFIER_SHAPES['organisation']!;
  const check = useStepMutation<CreditApplicant>({
    form,
    done: '核查已记录',
    refresh: () => queries.invalidateQueries({ queryKey: CREDIT_CHECKS_KEY }),
    send: (v) => call(api.POST('/credit/checks', { body: { ...v, applicationRef: v.applicationRef.trim() } })),
  });
  return (
    <Card title="新建核查" size="small">
      <Form<CreditApplicant>
        form={form}
        layout="vertical"
        name="credit-check"
        initialValues={{ subjectKind: 'organisation' }}
        onFinish={(values) =>
          void check
            .mutateAsync(values)
            .then((answer) => onChecked(answer as CreditCheckAnswer, values))
            .catch(() => undefined)
        }
      >
        <Form.Item name="subjectKind" label="核查对象类型" rules={[{ required: true, message: '请选择核查对象类型' }]}>
          <Select options={words.options('creditSubjectKinds')} onChange={() => form.setFields([{ name: 'identifier', errors: [] }])} />
        </Form.Item>
        <Form.Item
          name="identifier"
          label={shape.label}
          extra={kind === 'person' ? '证件号仅加密保存，核查结果只显示首尾各 4 位。' : undefined}
          rules={[
            { required: true, whitespace: true, message: `请填写${shape.label}` },
            { pattern: shape.pattern, message: shape.hint, warningOnly: true },
          ]}
        >
          <Input maxLength={40} autoComplete="off" placeholder={`18 位${shape.label}`} />
        </Form.Item>
        <Form.Item name="purpose" label="核查事由" rules={[{ required: true, message: '请选择核查事由' }]}>
          <Select options={words.options('creditCheckPurposes')} placeholder="请选择行政许可事项" />
        </Form.Item>
        <Form.Item name="applicationRef" label="受理编号" rules={textRules('受理编号', REF_MAX)}>
          <Input maxLength={REF_MAX} placeholder="如 甲卫审〔2025〕12号" />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" loading={check.isPending}>
          核查并记录
        </Button>
      </Form>
    </Card>
  );
}
