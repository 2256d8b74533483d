import { Col, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useMe } from '../session/use-session';
import { CreditApplicant, CreditCheckAnswer } from './credit/credit-check-queries';
import { CreditCheckForm } from './credit/CreditCheckForm';
import { CreditCheckResult } from './credit/CreditCheckResult';
import { CreditChecksTable } from './credit/CreditChecksTable';
import { namesOf } from '../shared/names';

/** Who records checks (the API's APPLICANT_CREDIT_CHECKERS): the approving office's inspectors. */
const CHECKERS: readonly string[] = ['inspector'];

/**
 * 准入信用核查 (ADR 0019): the approving office checks an applicant before a licence — an organisation
 * by 统一社会信用代码, a person by 居民身份证号 — and sees the result its role may; below, the checks of
 * the jurisdiction's offices. Leaders read the list only.
 */
export function CreditChecksPage() {
  const me = useMe();
  const [checked, setChecked] = useState<{ answer: CreditCheckAnswer; applicant: CreditApplicant } | null>(null);
  const checks = CHECKERS.includes(me.data?.actor.role ?? '');
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {checks ? '准入信用核查' : '信用核查记录'}
      </Typography.Title>
      {checks && (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={10}>
            <CreditCheckForm onChecked={(answer, applicant) => setChecked({ answer, applicant })} />
          </Col>
          <Col xs={24} lg={14}>
            {checked ? (
              <CreditCheckResult answer={checked.answer} applicant={checked.applicant} names={namesOf(checked.answer)} />
            ) : (
              <Typography.Paragraph type="secondary">
                核查结果将在此显示：信用等级及判定依据、近五年不良信息和红名单。每次核查均留痕，记入下方核查记录。
              </Typography.Paragraph>
            )}
          </Col>
        </Row>
      )}
      <CreditChecksTable />
    </Space>
  );
}
