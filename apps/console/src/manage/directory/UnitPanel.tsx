import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Empty, Space, Spin, Table, Typography } from 'antd';
import { api } from '../../client/client';
import { call, messageOf } from '../../client/errors';
import { useCatalogue } from '../../shared/catalogue';
import { manageKey } from '../manage-queries';
import type { Department, Unit, User } from './directory-types';
import { UnitUsers } from './UnitUsers';

export type PanelAction =
  | { kind: 'edit-unit'; unit: Unit }
  | { kind: 'move-unit'; unit: Unit }
  | { kind: 'new-unit'; parent: Unit }
  | { kind: 'department'; institutionId: string; department?: Department }
  | { kind: 'user'; unitId: string; user?: User };

/** One unit: what it is (an institution with its profile), its departments and its users, with their actions. */
export function UnitPanel({ unit, parentName, act }: { unit: Unit; parentName: string; act: (action: PanelAction) => void }) {
  const words = useCatalogue();
  const detail = useQuery({
    queryKey: manageKey('directory', 'unit', unit.id),
    queryFn: () => call(api.GET('/directory/units/{unitId}', { params: { path: { unitId: unit.id } } })),
  });
  const departments = detail.data?.departments ?? [];
  const profile = unit.profile;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Typography.Title level={5} style={{ margin: 0 }}>
            {unit.name}
          </Typography.Title>
        }
        extra={
          <Space wrap>
            <Button onClick={() => act({ kind: 'edit-unit', unit })}>编辑</Button>
            {unit.parentId && <Button onClick={() => act({ kind: 'move-unit', unit })}>移动</Button>}
            {unit.kind !== 'institution' && (
              <Button icon={<PlusOutlined />} onClick={() => act({ kind: 'new-unit', parent: unit })}>
                新建下级单位
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="单位编码">{unit.id}</Descriptions.Item>
          <Descriptions.Item label="层级">{words.label('unitKinds', unit.kind)}</Descriptions.Item>
          <Descriptions.Item label="上级单位">{parentName}</Descriptions.Item>
          {profile && (
            <>
              <Descriptions.Item label="机构类别">{words.label('institutionTypes', profile.institutionType)}</Descriptions.Item>
              <Descriptions.Item label="所有制">{words.label('ownerships', profile.ownership)}</Descriptions.Item>
              <Descriptions.Item label="等级等次">
                {words.label('hospitalLevels', profile.level)} {words.label('hospitalGrades', profile.grade)}
              </Descriptions.Item>
              <Descriptions.Item label="统一社会信用代码">{profile.creditCode}</Descriptions.Item>
              <Descriptions.Item label="法定代表人">{profile.legalRepresentative}</Descriptions.Item>
              <Descriptions.Item label="联系电话">{profile.contactPhone}</Descriptions.Item>
              <Descriptions.Item label="地址">{profile.address}</Descriptions.Item>
            </>
          )}
        </Descriptions>
      </Card>
      {unit.kind === 'institution' && (
        <Card
          size="small"
          title="科室"
          extra={
            <Button size="small" icon={<PlusOutlined />} onClick={() => act({ kind: 'department', institutionId: unit.id })}>
              新建科室
            </Button>
          }
        >
          {detail.isLoading ? (
            <Spin />
          ) : detail.isError ? (
            <Empty description={messageOf(detail.error)} />
          ) : (
            <Table<Department>
              size="small"
              rowKey="id"
              dataSource={departments}
              pagination={false}
              locale={{ emptyText: '暂无科室' }}
              columns={[
                { title: '科室编码', dataIndex: 'id' },
                { title: '科室名称', dataIndex: 'name' },
                {
                  title: '操作',
                  key: 'actions',
                  render: (_: unknown, department) => (
                    <Button type="link" size="small" onClick={() => act({ kind: 'department', institutionId: unit.id, department })}>
                      重命名
                    </Button>
                  ),
                },
              ]}
            />
          )}
        </Card>
      )}
      <Card
        size="small"
        title="用户"
        extra={
          <Button size="small" icon={<PlusOutlined />} onClick={() => act({ kind: 'user', unitId: unit.id })}>
            新建用户
          </Button>
        }
      >
        <UnitUsers unitId={unit.id} departments={departments} onEdit={(user) => act({ kind: 'user', unitId: unit.id, user })} />
      </Card>
    </Space>
  );
}
