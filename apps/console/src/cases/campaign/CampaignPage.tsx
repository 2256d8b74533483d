import { Breadcrumb, Button, Card, Drawer, Grid, Result, Skeleton, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { AuditLink } from '../../audit/AuditLink';
import { messageOf } from '../../client/errors';
import { PATHS } from '../../routes';
import { useMe } from '../../session/use-session';
import { useCampaign } from '../../shared/campaigns';
import { namesOf } from '../../shared/names';
import { AmendCampaignForm } from './AmendCampaignForm';
import { CampaignFacts } from './CampaignFacts';
import { CampaignLedgerTab } from './CampaignLedgerTab';
import { CampaignProgressTab } from './CampaignProgressTab';
import { CampaignReportsTab } from './CampaignReportsTab';
import { CampaignSummaryTab } from './CampaignSummaryTab';
import { ISSUING_ROLES, useIssuingUnits } from './campaign-queries';
import { CloseCampaign } from './CloseCampaign';
import { PhaseTimeline } from './PhaseTimeline';
import './campaign.css';

const TABS = ['ledger', 'progress', 'reports', 'summary'] as const;
type Tab = (typeof TABS)[number];

/**
 * 专项行动: header (title, issuing unit, status, the scope as resolved), the phases on the API's day,
 * and tabs 台账 / 进度 / 报送 / 总结 (the tab is kept in the URL, `?tab=`). The issuing unit's inspectors
 * and leaders (and those above it) amend and close it while it runs; everyone who may read it sees
 * the same page, each tab within what they cover.
 */
export function CampaignPage() {
  const { campaignId = '' } = useParams();
  const me = useMe();
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const campaign = useCampaign(campaignId);
  const directory = useIssuingUnits();
  const [amending, setAmending] = useState(false);
  if (campaign.isError)
    return (
      <Result
        status="warning"
        title="无法打开该专项行动"
        subTitle={messageOf(campaign.error)}
        extra={<Link to={PATHS.campaigns}>返回专项行动</Link>}
      />
    );
  if (!campaign.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const data = campaign.data;
  const names = namesOf(data);
  const tab: Tab = TABS.find((t) => t === params.get('tab')) ?? 'ledger';
  const issuer = ISSUING_ROLES.includes(me.data?.actor.role ?? '') && directory.covers(data.issuingUnitId);
  const running = data.status === 'launched';

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to={PATHS.campaigns}>专项行动</Link> }, { title: data.title }]} />
      <Card
        title={
          <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'normal' }}>
            {data.title}
          </Typography.Title>
        }
        extra={<AuditLink stream={`campaign-${campaignId}`} />}
      >
        <CampaignFacts campaign={data} names={names} />
        {issuer && running && (
          <Space wrap className="campaign-actions">
            <Button onClick={() => setAmending(true)}>调整专项行动</Button>
            <CloseCampaign campaignId={campaignId} />
          </Space>
        )}
      </Card>
      <Card title="阶段安排" size="small">
        <PhaseTimeline phases={data.phases} today={data.today} closedAt={data.closedAt} />
      </Card>
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={[
            { key: 'ledger', label: '台账', children: <CampaignLedgerTab campaignId={campaignId} /> },
            { key: 'progress', label: '进度', children: <CampaignProgressTab campaignId={campaignId} /> },
            { key: 'reports', label: '报送', children: <CampaignReportsTab campaignId={campaignId} /> },
            { key: 'summary', label: '总结', children: <CampaignSummaryTab campaignId={campaignId} /> },
          ]}
          destroyOnHidden
        />
      </Card>
      <Drawer
        title="调整专项行动"
        open={amending}
        onClose={() => setAmending(false)}
        placement={screens.md ? 'right' : 'bottom'}
        size={screens.md ? 720 : '94%'}
        destroyOnHidden
      >
        <AmendCampaignForm campaign={data} onDone={() => setAmending(false)} />
      </Drawer>
    </Space>
  );
}
