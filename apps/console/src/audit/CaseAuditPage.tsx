import { DownloadOutlined } from '@ant-design/icons';
import { App, Breadcrumb, Button, Card, Col, Grid, List, Result, Row, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { messageOf } from '../client/errors';
import { downloadFile } from '../client/files';
import { PATHS } from '../routes';
import { useMe } from '../session/use-session';
import { CaseFiles } from '../shared/CaseFiles';
import { useCatalogue } from '../shared/catalogue';
import { useAsOf } from './as-of';
import { AsOfSlider } from './AsOfSlider';
import { AUDIT_READER_ROLES, FULL_HISTORY_ROLES, useCaseHistory, useCaseInstants, useCaseState } from './audit-queries';
import { AuditTimeline } from './AuditTimeline';
import { caseFacts, categoryOf, evidenceStepLabel, idOf, isCaseStream, kindOf, STATE_CATEGORIES } from './case-kinds';
import { CaseStateFacts } from './CaseStateFacts';
import { IntegrityBadge } from './IntegrityBadge';
import { LeaderCaseActions } from './LeaderCaseActions';

/** The case's own working page, for the categories that have one. */
function workingPage(stream: string): string | null {
  const id = idOf(stream);
  switch (categoryOf(stream)) {
    case 'finding':
      return PATHS.finding(id);
    case 'complaintTicket':
      return PATHS.complaint(id);
    case 'visit':
      return PATHS.visit(id);
    case 'campaign':
      return PATHS.campaign(id);
    default:
      return null;
  }
}

/** 下载案卷: the self-contained HTML dossier, as of the instant looked at (recorded as an export by the API). */
function DossierButton({ stream, asOf }: { stream: string; asOf: string | null }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const download = async (): Promise<void> => {
    setBusy(true);
    try {
      const query = asOf ? `?asOf=${encodeURIComponent(asOf)}` : '';
      await downloadFile(`/audit/cases/${encodeURIComponent(stream)}/dossier${query}`, `案卷-${stream}.html`);
    } catch (error) {
      void message.error(messageOf(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="small" icon={<DownloadOutlined />} loading={busy} onClick={() => void download()}>
      下载案卷
    </Button>
  );
}

/**
 * 关联流程: every case stream the case reaches into, each opening its own audit page; the system's
 * process records (saga and timer streams) are only counted, their events being bookkeeping.
 */
function LinkedStreams({ root }: { root: string }) {
  const history = useCaseHistory(root, 1, false);
  const all = history.data?.streams ?? [];
  const streams = all.filter((s) => s.stream === root || isCaseStream(s.stream));
  const processes = all.length - streams.length;
  return (
    <List
      size="small"
      loading={history.isLoading}
      dataSource={streams}
      rowKey="stream"
      locale={{ emptyText: '无' }}
      footer={
        processes > 0 ? <Typography.Text type="secondary">另有 {processes} 个系统流程记录（见完整性校验）</Typography.Text> : undefined
      }
      renderItem={(s) => (
        <List.Item extra={<Typography.Text type="secondary">{s.linkedEvents} 条</Typography.Text>}>
          {s.stream === root ? (
            <span>
              {kindOf(s.stream)} {idOf(s.stream)}（本案）
            </span>
          ) : (
            <Link to={PATHS.caseAudit(s.stream)}>
              {kindOf(s.stream)} {idOf(s.stream)}
            </Link>
          )}
        </List.Item>
      )}
    />
  );
}

/**
 * 完整历史与核验 (issue 21): any case opened by its stream — what it is and where it stands, the SM3
 * integrity of every linked stream, the dossier, its files, and the merged readable timeline; the
 * 时间回溯 slider (?asOf=) shows all of it as it stood at a past instant. Leaders get their own step.
 */
export function CaseAuditPage() {
  const { stream = '' } = useParams();
  const words = useCatalogue();
  const me = useMe();
  const role = me.data?.actor.role ?? '';
  const [asOf, setAsOf] = useAsOf();
  const [all, setAll] = useState(false);
  const phone = !Grid.useBreakpoint().md;
  const instants = useCaseInstants(stream, all);
  const present = useCaseState(stream, null, STATE_CATEGORIES.includes(categoryOf(stream)));
  const facts = caseFacts(stream, present.data?.state, words);

  if (me.data && !AUDIT_READER_ROLES.includes(role)) return <Result status="403" title="无权查看案件审计" />;
  if (instants.isError)
    return <Result status="warning" title="无法打开该案件" subTitle={messageOf(instants.error)} extra={<Link to="/">返回首页</Link>} />;
  const stops = [...new Set((instants.data?.instants ?? []).map((i) => i.recordedAt))].sort();
  const working = workingPage(stream);
  // On a phone the title needs the header's width: the badge and the download go under it.
  const tools = (
    <Space wrap>
      <IntegrityBadge stream={stream} />
      <DossierButton stream={stream} asOf={asOf} />
    </Space>
  );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb
        items={[...(working ? [{ title: <Link to={working}>办理页面</Link> }] : []), { title: `${kindOf(stream)} · 完整历史与核验` }]}
      />
      <Card
        title={
          <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'normal' }}>
            {kindOf(stream)}
            {facts.title ? `：${facts.title}` : ''}
          </Typography.Title>
        }
        extra={phone ? undefined : tools}
      >
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {phone && tools}
          <AsOfSlider
            instants={stops}
            asOf={asOf}
            onChange={setAsOf}
            what="案件"
            note="状态按日志重新计算为该时刻的样子；此后发生的步骤以灰色标出。"
          />
          <CaseStateFacts stream={stream} asOf={asOf} />
        </Space>
      </Card>
      {role === 'leader' && <LeaderCaseActions stream={stream} asOf={asOf} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card
            title="案件经过"
            size="small"
            extra={
              FULL_HISTORY_ROLES.includes(role) && (
                <Space size={6}>
                  <Switch size="small" checked={all} onChange={setAll} aria-label="显示内部记录" />
                  <span>显示内部记录</span>
                </Space>
              )
            }
          >
            <AuditTimeline root={stream} asOf={asOf} all={all} positions={instants.data?.instants.map((i) => i.position)} />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card title="附件" size="small">
              <CaseFiles stream={stream} asOf={asOf} stepLabel={(step) => evidenceStepLabel(words, step)} />
            </Card>
            <Card title="关联流程" size="small">
              <LinkedStreams root={stream} />
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
