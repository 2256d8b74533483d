import { useQuery } from '@tanstack/react-query';
import { Empty, Table, Tag } from 'antd';
import { api } from '../../client/client';
import { call, messageOf } from '../../client/errors';
import { useCatalogue } from '../../shared/catalogue';
import { manageKey } from '../manage-queries';
import type { Department, User } from './directory-types';
import { UserActions } from './UserActions';

/** The users of one unit (GET /directory/users?unitId=…), each with its actions. */
export function UnitUsers({
  unitId,
  departments,
  onEdit,
}: {
  unitId: string;
  departments: readonly Department[];
  onEdit: (user: User) => void;
}) {
  const words = useCatalogue();
  const users = useQuery({
    queryKey: manageKey('directory', 'users', unitId),
    queryFn: () => call(api.GET('/directory/users', { params: { query: { unitId } } })),
  });
  if (users.isError) return <Empty description={messageOf(users.error)} />;
  const departmentName = (id: string | null) => (id ? (departments.find((d) => d.id === id)?.name ?? id) : '—');
  return (
    <Table<User>
      size="small"
      rowKey="id"
      loading={users.isLoading}
      dataSource={users.data?.users ?? []}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: '本单位暂无用户' }}
      scroll={{ x: 820 }}
      columns={[
        { title: '登录名', dataIndex: 'id' },
        { title: '姓名', dataIndex: 'name' },
        { title: '角色', dataIndex: 'role', render: (role: string) => words.label('roles', role) },
        { title: '手机号', dataIndex: 'phone' },
        { title: '科室', dataIndex: 'departmentId', render: departmentName },
        {
          title: '状态',
          dataIndex: 'status',
          render: (status: string) => <Tag color={status === 'active' ? 'green' : 'default'}>{words.label('userStatuses', status)}</Tag>,
        },
        {
          title: '操作',
          key: 'actions',
          fixed: 'right',
          width: 200,
          render: (_: unknown, user) => <UserActions user={user} onEdit={() => onEdit(user)} />,
        },
      ]}
    />
  );
}
