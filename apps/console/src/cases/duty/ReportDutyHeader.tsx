import { Descriptions } from 'antd';
import { Link } from 'react-router';
import { PATHS } from '../../routes';
import { useCatalogue } from '../../shared/catalogue';
import { DueText } from '../../shared/DueText';
import { beijingDate, beijingDateTime } from '../../shared/time';
import { useWorkingDaysLeft } from '../../shared/working-days';
import { isOwed, ReportDuty } from './duty-queries';
import { DutyStateTags } from './DutyStateTags';

/**
 * A duty's facts and clock: the campaign (a link to it), who owes it and who reviews it, the due day
 * with the working days left while it is owed, the deadline running (after a late return: the
 * resubmission's; once overdue: the ladder's rung), and when it may first be handed in.
 */
export function ReportDutyHeader({ duty, names }: { duty: ReportDuty; names: Readonly<Record<string, string>> }) {
  const words = useCatalogue();
  const owed = isOwed(duty.status);
  const daysLeft = useWorkingDaysLeft(owed ? [duty.dueAt, duty.deadline?.dueAt] : []);
  const running = duty.deadline && duty.deadline.dueAt !== duty.dueAt ? duty.deadline : null;
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, sm: 1, md: 2, lg: 3 }}
      items={[
        {
          key: 'status',
          label: '状态',
          children: <DutyStateTags status={duty.status} overdue={duty.overdue} escalationRung={duty.escalation?.rung} />,
        },
        {
          key: 'campaign',
          label: '专项行动',
          children: <Link to={PATHS.campaign(duty.campaignId)}>{duty.campaignTitle}</Link>,
        },
        { key: 'phase', label: '阶段', children: duty.phaseName },
        { key: 'institution', label: '报送单位', children: names[duty.institutionId] ?? duty.institutionId },
        { key: 'issuer', label: '审核单位', children: names[duty.issuingUnitId] ?? duty.issuingUnitId },
        {
          key: 'recurrence',
          label: '报送频次',
          children: duty.recurrence ? words.label('campaignReportRecurrences', duty.recurrence) : '一次性报送',
        },
        {
          key: 'due',
          label: '报送期限',
          children: <DueText dueAt={duty.dueAt} overdue={duty.overdue} workingDaysLeft={owed && !running ? daysLeft(duty.dueAt) : null} />,
        },
        ...(running
          ? [
              {
                key: 'running',
                label: words.label('deadlinePurposes', running.purpose),
                children: <DueText dueAt={running.dueAt} overdue={false} workingDaysLeft={daysLeft(running.dueAt)} />,
              },
            ]
          : []),
        { key: 'opens', label: '可报送起始日', children: beijingDate(duty.opensOn) },
        { key: 'round', label: '报送轮次', children: `第 ${duty.round} 轮` },
        { key: 'assigned', label: '下达时间', children: beijingDateTime(duty.assignedAt) },
      ]}
    />
  );
}
