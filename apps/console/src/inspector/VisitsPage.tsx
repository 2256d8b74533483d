import { PlusOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Drawer, Empty, Grid, Select, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, type Schemas } from '../client/client';
import { call, messageOf } from '../client/errors';
import { PATHS } from '../routes';
import { useCatalogue } from '../shared/catalogue';
import { beijingDate } from '../shared/time';
import { useInstitutions } from './inspector-api';
import { PlanVisitForm } from './PlanVisitForm';
import './inspector.css';

type Visit = Schemas['InspectionVisitDto'];
type VisitStatus = NonNullable<
  NonNullable<import('../client/schema.gen').operations['VisitsController_list']['parameters']['query']>['status']
>;

const STATUS_COLORS: Record<string, string> = {
  planned: 'blue',
  conducted: 'gold',
  findingsRegistered: 'orange',
  closed: 'green',
  cancelled: 'default',
};

function VisitCard({ visit, institutionName }: { visit: Visit; institutionName: string }) {
  const words = useCatalogue();
  return (
    <Card
      size="small"
      title={<Link to={PATHS.visit(visit.visitId)}>{institutionName}</Link>}
      extra={<Tag color={STATUS_COLORS[visit.status]}>{words.label('visitStatuses', visit.status)}</Tag>}
    >
      <Space wrap size={[16, 4]}>
        <span>{words.label('visitKinds', visit.kind)}</span>
        <span>计划 {beijingDate(visit.plannedDate)}</span>
        {visit.conductedOn && <span>实施 {beijingDate(visit.conductedOn)}</span>}
        <span>问题 {visit.findingIds.length} 项</span>
      </Space>
    </Card>
  );
}

/** 监督检查: the visits of the jurisdiction, newest planned first, paged by cursor; 计划检查 opens the form. */
export function VisitsPage() {
  const words = useCatalogue();
  const screens = Grid.useBreakpoint();
  const { institutions, nameOf } = useInstitutions();
  const [planning, setPlanning] = useState(false);
  const [status, setStatus] = useState<VisitStatus | undefined>();
  const [institutionId, setInstitutionId] = useState<string | undefined>();
  const visits = useInfiniteQuery({
    queryKey: ['visits', 'list', status, institutionId],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => call(api.GET('/visits', { params: { query: { status, institutionId, cursor: pageParam, pageSize: 20 } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = visits.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          监督检查
        </Typography.Title>
      }
      extra={
        <Button type="primary" icon={<PlusOutlined />} size="large" onClick={() => setPlanning(true)}>
          计划检查
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 16, width: '100%' }}>
        <Select<VisitStatus>
          aria-label="按状态筛选"
          allowClear
          placeholder="全部状态"
          style={{ minWidth: 140 }}
          value={status}
          onChange={setStatus}
          options={words.options('visitStatuses').map((option) => ({ ...option, value: option.value as VisitStatus }))}
        />
        <Select
          aria-label="按机构筛选"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="全部机构"
          style={{ minWidth: 200 }}
          value={institutionId}
          onChange={setInstitutionId}
          options={institutions.map((unit) => ({ value: unit.id, label: unit.name }))}
        />
      </Space>
      {visits.isLoading ? (
        <Spin tip="正在加载检查…">
          <div style={{ minHeight: 120 }} />
        </Spin>
      ) : visits.isError ? (
        <Empty description={messageOf(visits.error)} />
      ) : items.length === 0 ? (
        <Empty description="暂无检查。点击“计划检查”安排一次检查。" />
      ) : (
        <div className="case-cards">
          {items.map((visit) => (
            <VisitCard key={visit.visitId} visit={visit} institutionName={nameOf(visit.institutionId)} />
          ))}
          {visits.hasNextPage && (
            <Button block size="large" loading={visits.isFetchingNextPage} onClick={() => void visits.fetchNextPage()}>
              加载更多
            </Button>
          )}
        </div>
      )}
      <Drawer
        title="计划检查"
        open={planning}
        onClose={() => setPlanning(false)}
        placement={screens.md ? 'right' : 'bottom'}
        size={screens.md ? 480 : '90%'}
        destroyOnHidden
      >
        <PlanVisitForm onDone={() => setPlanning(false)} />
      </Drawer>
    </Card>
  );
}
