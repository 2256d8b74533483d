import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Spin, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../client/client';
import { call, messageOf } from '../../client/errors';
import { useCatalogue } from '../../shared/catalogue';
import { manageKey } from '../manage-queries';
import { PolicyEditor } from './PolicyEditor';

/** 政策参数: each business's settings (时限, 分值, 密码策略 …) with defaults, in force, edits with a reason, and history. */
export function PoliciesPage() {
  const words = useCatalogue();
  const contexts = useQuery({ queryKey: manageKey('policies'), queryFn: () => call(api.GET('/admin/policies')) });
  const [active, setActive] = useState<string>();
  const list = contexts.data?.contexts ?? [];
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          政策参数
        </Typography.Title>
      }
    >
      {contexts.isLoading ? (
        <Spin />
      ) : contexts.isError ? (
        <Empty description={messageOf(contexts.error)} />
      ) : (
        <Tabs
          activeKey={active ?? list[0]}
          onChange={setActive}
          destroyOnHidden
          items={list.map((context) => ({
            key: context,
            label: words.label('policyContexts', context),
            children: <PolicyEditor context={context} />,
          }))}
        />
      )}
    </Card>
  );
}
