import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, List, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../client/client';
import { call, messageOf } from '../client/errors';
import { LIVE_KEYS } from '../session/live-updates';
import { beijingDateTime } from '../shared/time';
import { PreferencesCard } from './PreferencesCard';

/** 消息通知: the in-app inbox, newest first, read/unread, live (the stream refreshes it). */
export function InboxPage() {
  const [unreadOnly, setUnreadOnly] = useState(false);
  const navigate = useNavigate();
  const queries = useQueryClient();
  const { message } = App.useApp();
  const inbox = useInfiniteQuery({
    queryKey: [...LIVE_KEYS.notifications, 'list', unreadOnly],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/me/notifications', {
          params: { query: { ...(unreadOnly ? { unread: 'true' } : {}), ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const refresh = (): Promise<void> => queries.invalidateQueries({ queryKey: LIVE_KEYS.notifications });
  const markRead = useMutation({
    mutationFn: (id: string) => call(api.POST('/me/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: refresh,
  });
  const markAll = useMutation({
    mutationFn: () => call(api.POST('/me/notifications/read-all')),
    onSuccess: refresh,
    onError: (error) => void message.error(messageOf(error)),
  });
  const items = inbox.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title="消息通知"
        extra={
          <Space>
            <Segmented<'all' | 'unread'>
              value={unreadOnly ? 'unread' : 'all'}
              onChange={(value) => setUnreadOnly(value === 'unread')}
              options={[
                { value: 'all', label: '全部' },
                { value: 'unread', label: '未读' },
              ]}
            />
            <Button onClick={() => markAll.mutate()} loading={markAll.isPending}>
              全部标为已读
            </Button>
          </Space>
        }
      >
        <List
          loading={inbox.isLoading}
          dataSource={items}
          locale={{ emptyText: <Empty description={unreadOnly ? '没有未读消息' : '暂无消息'} /> }}
          renderItem={(item) => (
            <List.Item
              className={item.readAt ? 'inbox-read' : 'inbox-unread'}
              actions={[
                <Button
                  key="open"
                  type="link"
                  onClick={() => {
                    if (!item.readAt) markRead.mutate(item.notificationId);
                    navigate(item.link);
                  }}
                >
                  查看
                </Button>,
                !item.readAt && (
                  <Button key="read" type="link" onClick={() => markRead.mutate(item.notificationId)}>
                    标为已读
                  </Button>
                ),
              ]}
            >
              <List.Item.Meta
                title={
                  <Space>
                    {!item.readAt && <Tag color="blue">未读</Tag>}
                    <Typography.Text strong={!item.readAt}>{item.title}</Typography.Text>
                  </Space>
                }
                description={
                  <>
                    <div>{item.body}</div>
                    <Typography.Text type="secondary">{beijingDateTime(item.deliveredAt)}</Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
        {inbox.hasNextPage && (
          <Button block onClick={() => void inbox.fetchNextPage()} loading={inbox.isFetchingNextPage}>
            加载更多
          </Button>
        )}
      </Card>
      <PreferencesCard />
    </Space>
  );
}
