import { Descriptions, Space, Tag } from 'antd';
import { useCatalogue, Vocabulary } from '../../shared/catalogue';
import { beijingDateTime } from '../../shared/time';
import type { CampaignDetail } from './campaign-queries';

/** The scope as launched (or last amended): the conditions in words, then the institutions they resolved to. */
function ScopeText({ campaign, names }: { campaign: CampaignDetail; names: Readonly<Record<string, string>> }) {
  const words = useCatalogue();
  const { scope } = campaign;
  const condition = (label: string, vocabulary: Vocabulary, values: readonly string[]) =>
    values.length ? `${label}：${values.map((value) => words.label(vocabulary, value)).join('、')}` : null;
  const conditions = [
    condition('机构类别', 'institutionTypes', scope.institutionTypes),
    condition('所有制', 'ownerships', scope.ownerships),
    condition('医院等级', 'hospitalLevels', scope.levels),
    scope.listedInstitutionIds.length ? `指定机构：${scope.listedInstitutionIds.map((id) => names[id] ?? id).join('、')}` : null,
  ].filter((text): text is string => text !== null);
  const commissions = scope.commissionUnitIds.map((id) => names[id] ?? id);
  const hidden = campaign.institutionCount - campaign.institutions.length;
  return (
    <Space orientation="vertical" size={4}>
      <span>{conditions.length ? conditions.join('；') : '发文单位管辖的全部医疗机构'}</span>
      <span>
        共 {campaign.institutionCount} 家{hidden > 0 && `（您可见 ${campaign.institutions.length} 家）`}：
      </span>
      <Space size={[4, 4]} wrap>
        {campaign.institutions.map((institution) => (
          <Tag key={institution.institutionId}>{institution.name}</Tag>
        ))}
      </Space>
      {commissions.length > 0 && <span>报送的下级卫生健康行政部门：{commissions.join('、')}</span>}
    </Space>
  );
}

/** The campaign's facts: issuing unit, year and period, scope resolved when recorded, launch, amendments and close. */
export function CampaignFacts({ campaign, names }: { campaign: CampaignDetail; names: Readonly<Record<string, string>> }) {
  const words = useCatalogue();
  const closed = campaign.status === 'closed';
  return (
    <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
      <Descriptions.Item label="发文单位">{campaign.issuingUnitName}</Descriptions.Item>
      <Descriptions.Item label="行动期间">
        {campaign.startsOn} 至 {campaign.endsOn}
      </Descriptions.Item>
      <Descriptions.Item label="状态">
        <Tag color={closed ? 'default' : 'blue'}>{words.label('campaignStatuses', campaign.status)}</Tag>
      </Descriptions.Item>
      <Descriptions.Item label="发起">
        {names[campaign.launchedBy] ?? campaign.launchedBy} · {beijingDateTime(campaign.launchedAt)}
        {campaign.amendments > 0 && `（调整 ${campaign.amendments} 次）`}
      </Descriptions.Item>
      {closed && (
        <Descriptions.Item label="结束">
          {names[campaign.closedBy ?? ''] ?? campaign.closedBy} · {beijingDateTime(campaign.closedAt)}
        </Descriptions.Item>
      )}
      {closed && campaign.carriedOver.length > 0 && (
        <Descriptions.Item label="结转问题">
          {campaign.carriedOver.length} 项{campaign.closeReason && `（${campaign.closeReason}）`}
        </Descriptions.Item>
      )}
      <Descriptions.Item label="范围" span="filled">
        <ScopeText campaign={campaign} names={names} />
      </Descriptions.Item>
    </Descriptions>
  );
}
