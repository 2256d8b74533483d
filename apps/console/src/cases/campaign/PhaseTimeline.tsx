import { Space, Steps, Tag, Typography } from 'antd';
import { useCatalogue } from '../../shared/catalogue';
import { beijingDate } from '../../shared/time';
import type { CampaignPhase } from './campaign-queries';

const STEP_STATUS = { past: 'finish', current: 'process', upcoming: 'wait' } as const;

/** 自查报告 截止 2025-03-31 / 月报 每月报送：04-30、05-31、06-30. */
function ReportLines({ phase }: { phase: CampaignPhase }) {
  const words = useCatalogue();
  if (phase.reports.length === 0) return <Typography.Text type="secondary">无报送要求</Typography.Text>;
  return (
    <ul className="campaign-phase-reports">
      {phase.reports.map((report, index) => (
        <li key={`${report.kind}-${index}`}>
          {words.label('campaignReportKinds', report.kind)}{' '}
          <Typography.Text type="secondary">
            {report.recurrence
              ? `${words.label('campaignReportRecurrences', report.recurrence)}：${report.dueDays.map((day) => day.slice(5)).join('、')}`
              : `截止 ${report.due ?? ''}`}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}

/**
 * 阶段安排 as a timeline: each phase with its Beijing days and the reports it requires, placed on the
 * API's day (`today`: the server's clock, so a page shows what the ledger and duties count by) — the
 * phase that day falls in is marked 当前阶段; between phases none is, nor once the campaign is closed.
 */
export function PhaseTimeline({ phases, today, closedAt }: { phases: readonly CampaignPhase[]; today: string; closedAt: string | null }) {
  const words = useCatalogue();
  const running = closedAt === null;
  const current = running ? phases.findIndex((phase) => phase.status === 'current') : -1;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        {running ? `今日 ${today}${current < 0 ? '：不在任何阶段内' : ''}` : `专项行动已于 ${beijingDate(closedAt)} 结束`}
      </Typography.Text>
      <Steps
        responsive
        className="campaign-phases"
        current={current < 0 ? undefined : current}
        items={phases.map((phase, index) => ({
          key: phase.index,
          status: running ? STEP_STATUS[phase.status] : phase.status === 'upcoming' ? 'wait' : 'finish',
          className: index === current ? 'campaign-phase-current' : undefined,
          title: (
            <Space size={4} wrap>
              <span>{phase.name}</span>
              {index === current ? (
                <Tag color="processing">当前阶段</Tag>
              ) : (
                running && <Tag>{words.label('campaignPhaseStatuses', phase.status)}</Tag>
              )}
            </Space>
          ),
          content: (
            <>
              <div>
                {phase.from} 至 {phase.to}
              </div>
              <ReportLines phase={phase} />
            </>
          ),
        }))}
      />
    </Space>
  );
}
