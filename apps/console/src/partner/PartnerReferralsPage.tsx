import { Card, Typography } from 'antd';
import { ReferralList } from '../referrals/ReferralList';

/** 移交案件: what the commissions referred to the partner's agency, newest first; a row opens the referral to 签收 and 反馈. */
export function PartnerReferralsPage() {
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          移交案件
        </Typography.Title>
      }
    >
      <ReferralList side="agency" />
    </Card>
  );
}
