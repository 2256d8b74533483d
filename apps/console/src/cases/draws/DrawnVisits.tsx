import { Card, Empty, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { PATHS } from '../../routes';
import { useCatalogue } from '../../shared/catalogue';
import type { Draw } from './draw-queries';

/** A drawn visit's outcome in the visits' own words (planned until conducted or cancelled). */
const OUTCOME_STATUS: Record<string, { status: string; color: string }> = {
  pending: { status: 'planned', color: 'blue' },
  conducted: { status: 'conducted', color: 'green' },
  cancelled: { status: 'cancelled', color: 'default' },
};

/** 抽中机构: the institutions in the order drawn, their credit level and inspectors, and each one's visit with how it stands. */
export function DrawnVisits({ draw, names }: { draw: Draw; names: Readonly<Record<string, string>> }) {
  const words = useCatalogue();
  const states = new Map((draw.drawnVisits ?? []).map((visit) => [visit.institutionId, visit]));
  return (
    <Card title="抽中机构与检查">
      {!draw.visits ? (
        <Empty description="抽取尚未完成，请稍后刷新" />
      ) : (
        <ol className="case-cards" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="抽中机构">
          {draw.visits.map((row) => {
            const visit = states.get(row.institutionId);
            const outcome = visit ? OUTCOME_STATUS[visit.outcome] : undefined;
            return (
              <li key={row.institutionId}>
                <Card size="small">
                  <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                    <Space wrap>
                      <Typography.Text strong>
                        {row.rank}. {names[row.institutionId] ?? row.institutionId}
                      </Typography.Text>
                      <Tag>{words.label('creditLevels', row.creditLevel)}</Tag>
                    </Space>
                    <Typography.Text type="secondary">
                      检查人员：{row.inspectorIds.map((id) => names[id] ?? id).join('、') || '—'}
                    </Typography.Text>
                    {visit && outcome ? (
                      <Space wrap>
                        <Tag color={outcome.color}>{words.label('visitStatuses', outcome.status)}</Tag>
                        <Link to={PATHS.visit(visit.visitId)}>打开检查</Link>
                      </Space>
                    ) : null}
                  </Space>
                </Card>
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
