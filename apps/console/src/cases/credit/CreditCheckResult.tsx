import { Alert, Card, Descriptions, Empty, List, Space, Tag, Typography } from 'antd';
import { useCatalogue } from '../../shared/catalogue';
import { beijingDate, beijingDateTime } from '../../shared/time';
import { CreditApplicant, CreditCheckAnswer, LEVEL_COLORS, levelReasonText } from './credit-check-queries';
import { FalseMaterialButton } from './FalseMaterialButton';

type Item = CreditCheckAnswer['adverse'][number];

function ItemList({ items, empty }: { items: readonly Item[]; empty: string }) {
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  return (
    <List
      size="small"
      dataSource={[...items]}
      rowKey="id"
      renderItem={(item) => (
        <List.Item>
          <Space direction="vertical" size={0}>
            <Typography.Text>{item.title}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {item.occurredAt ? beijingDate(item.occurredAt) : ''}
              {item.until ? ` 至 ${beijingDate(item.until)}` : ''}
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}

/**
 * 核查结果 as the API answered it for the checker's role: the level and the rule that decided it (the
 * black list only as 不予显示), adverse information of five years and the red list. A person is named
 * by the masked number the API returns; the number typed is never shown back.
 */
export function CreditCheckResult({
  answer,
  applicant,
  names,
}: {
  answer: CreditCheckAnswer;
  applicant: CreditApplicant;
  names: Readonly<Record<string, string>>;
}) {
  const words = useCatalogue();
  return (
    <Card title="核查结果" size="small" extra={<FalseMaterialButton applicant={applicant} shownAs={answer.identifier} />}>
      {answer.level !== 'A' && (
        <Alert
          type={answer.level === 'B' ? 'warning' : 'error'}
          showIcon
          style={{ marginBottom: 12 }}
          message={`申请人信用等级为${words.label('creditLevels', answer.level)}，请依规审慎办理。`}
        />
      )}
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 1, md: 2, lg: 1, xl: 1, xxl: 2 }}
        items={[
          {
            key: 'level',
            label: '信用等级',
            children: <Tag color={LEVEL_COLORS[answer.level]}>{words.label('creditLevels', answer.level)}</Tag>,
          },
          { key: 'reason', label: '判定依据', children: levelReasonText(answer.reason) },
          { key: 'kind', label: '核查对象', children: words.label('creditSubjectKinds', answer.subjectKind) },
          {
            key: 'identifier',
            label: answer.subjectKind === 'person' ? '居民身份证号' : '统一社会信用代码',
            children: answer.identifier,
          },
          {
            key: 'institution',
            label: '已登记机构',
            children: answer.institutionId ? (names[answer.institutionId] ?? answer.institutionId) : '—',
          },
          { key: 'purpose', label: '核查事由', children: words.label('creditCheckPurposes', answer.purpose) },
          { key: 'ref', label: '受理编号', children: answer.applicationRef },
          { key: 'at', label: '核查时间', children: beijingDateTime(answer.checkedAt) },
          { key: 'window', label: '计入等级的不良信息', children: `${answer.adverseInWindow} 条` },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        近五年不良信息
      </Typography.Title>
      <ItemList items={answer.adverse} empty="近五年无不良信息" />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        红名单
      </Typography.Title>
      <ItemList items={answer.redList} empty="未列入红名单" />
    </Card>
  );
}
