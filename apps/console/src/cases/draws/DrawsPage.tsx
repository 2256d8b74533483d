import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Drawer, Empty, Grid, Result, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../client/client';
import { call, messageOf } from '../../client/errors';
import { PATHS } from '../../routes';
import { useMe } from '../../session/use-session';
import { useCatalogue } from '../../shared/catalogue';
import { namesOf } from '../../shared/names';
import { beijingDateTime } from '../../shared/time';
import { DRAWS_KEY, mayReadDraws, mayRunDraws } from './draw-queries';
import { DrawForm } from './DrawForm';
import '../../inspector/inspector.css';

const STATUS_COLORS: Record<string, string> = { committed: 'gold', drawn: 'blue', revealed: 'green', cancelled: 'default' };

/** 双随机抽取: the draws of the user's jurisdiction, newest first; inspectors and leaders commit a new one here. */
export function DrawsPage() {
  const words = useCatalogue();
  const screens = Grid.useBreakpoint();
  const navigate = useNavigate();
  const me = useMe();
  const role = me.data?.actor.role;
  const [drawing, setDrawing] = useState(false);
  const draws = useQuery({ queryKey: [...DRAWS_KEY, 'list'], queryFn: () => call(api.GET('/draws')), enabled: mayReadDraws(role) });
  if (me.data && !mayReadDraws(role))
    return <Result status="403" title="无权查看双随机抽取" subTitle="双随机抽取仅限卫生健康行政部门的监督员、领导和管理员查看。" />;
  const names = namesOf(draws.data);
  const items = draws.data?.draws ?? [];

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          双随机抽取
        </Typography.Title>
      }
      extra={
        mayRunDraws(role) ? (
          <Button type="primary" icon={<PlusOutlined />} size="large" onClick={() => setDrawing(true)}>
            新建抽取
          </Button>
        ) : null
      }
    >
      {draws.isLoading || !me.data ? (
        <Spin tip="正在加载抽取记录…">
          <div style={{ minHeight: 120 }} />
        </Spin>
      ) : draws.isError ? (
        <Empty description={messageOf(draws.error)} />
      ) : items.length === 0 ? (
        <Empty description="暂无抽取记录。" />
      ) : (
        <div className="case-cards">
          {items.map((draw) => (
            <Card
              key={draw.drawId}
              size="small"
              title={
                <Link
                  to={PATHS.draw(draw.drawId)}
                >{`${names[draw.jurisdiction] ?? draw.jurisdiction} · ${beijingDateTime(draw.requestedAt)}`}</Link>
              }
              extra={<Tag color={STATUS_COLORS[draw.status]}>{words.label('creditDrawStatuses', draw.status)}</Tag>}
            >
              <Space wrap size={[16, 4]}>
                <span>抽中 {draw.visits ?? '—'} 家</span>
                <span>编号 {draw.drawId}</span>
              </Space>
            </Card>
          ))}
        </div>
      )}
      <Drawer
        title="新建抽取"
        open={drawing}
        onClose={() => setDrawing(false)}
        placement={screens.md ? 'right' : 'bottom'}
        size={screens.md ? 520 : '90%'}
        destroyOnHidden
      >
        <DrawForm
          defaultUnit={me.data?.actor.unit}
          onDone={(drawId) => {
            setDrawing(false);
            navigate(PATHS.draw(drawId));
          }}
        />
      </Drawer>
    </Card>
  );
}
