import { Card, Result, Typography } from 'antd';
import { Navigate } from 'react-router';
import { PATHS } from '../routes';
import { useMe } from '../session/use-session';
import { REFERRAL_READER_ROLES } from './referral-queries';
import { ReferralList } from './ReferralList';

/**
 * 移交协查 (the commission's staff): the referrals of their jurisdiction, filtered by status and case.
 * A partner has its own list (PATHS.partner); a hospital reads no referral at all.
 */
export function ReferralsPage() {
  const role = useMe().data?.actor.role ?? '';
  if (role === 'partner') return <Navigate to={PATHS.partner} replace />;
  if (!REFERRAL_READER_ROLES.includes(role)) return <Result status="403" title="无权查看移交协查" />;
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          移交协查
        </Typography.Title>
      }
    >
      <Typography.Paragraph type="secondary">
        本辖区移交纪检监察、公安、医保等协同部门的案件。移交请在问题或投诉页面点击“移交协查”。
      </Typography.Paragraph>
      <ReferralList side="commission" />
    </Card>
  );
}
