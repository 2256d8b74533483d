import { EditOutlined, ReloadOutlined, SendOutlined } from '@ant-design/icons';
import { App, Alert, Button, Card, Drawer, Grid, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../client/client';
import { call, messageOf } from '../../client/errors';
import { useCatalogue } from '../../shared/catalogue';
import { useStepMutation } from '../../shared/step-mutation';
import { beijingDate, beijingDateTime } from '../../shared/time';
import { type StaffNotice, useNoticePreview, useRefreshNotices } from './notice-queries';
import { NoticeForm } from './NoticeForm';
import { NoticeSheet } from './NoticeSheet';

/** What publishing does and why it is final, said before the issuer confirms it. */
function PublishWarning({ publicUntil }: { publicUntil: string | null }) {
  return (
    <Space orientation="vertical">
      <Typography.Paragraph style={{ margin: 0 }}>
        发布时系统按此刻的数据生成表格，从本单位发文登记簿取得文号，并计算内容的 SM3 摘要；通报随即在“通报公示”公开页面和 Word 文档中公布
        {publicUntil ? `，公示至 ${beijingDate(publicUntil)}` : '，长期公示'}。
      </Typography.Paragraph>
      <Typography.Paragraph strong style={{ margin: 0 }}>
        已发布的通报不能修改或删除。如有错误，只能另发更正或撤销通报，原通报仍保留公开并标注“已被更正”。
      </Typography.Paragraph>
    </Space>
  );
}

/**
 * A draft's panel: 修改草稿, 发布 (after a confirmation saying it is final) and the preview of exactly
 * what the public would read if it were published now — the API makes it as publishing does.
 */
export function DraftPanel({ notice, mayIssue }: { notice: StaffNotice; mayIssue: boolean }) {
  const words = useCatalogue();
  const screens = Grid.useBreakpoint();
  const { modal } = App.useApp();
  const refresh = useRefreshNotices();
  const [revising, setRevising] = useState(false);
  const preview = useNoticePreview(notice.noticeId, mayIssue);
  const publish = useStepMutation({
    send: () => call(api.POST('/public-notices/{noticeId}/publish', { params: { path: { noticeId: notice.noticeId } } })),
    done: '通报已发布',
    refresh,
  });
  const p = preview.data;
  const notOver = p && !p.periodOver ? `统计期间至 ${notice.period?.to ?? ''} 尚未结束，期满后方可发布` : null;
  const confirmPublish = () =>
    modal.confirm({
      title: '确认发布这份通报？',
      content: <PublishWarning publicUntil={p?.publicity.until ?? null} />,
      okText: '确认发布',
      cancelText: '返回',
      width: 520,
      onOk: () => publish.mutateAsync(undefined).catch(() => undefined),
    });

  if (!mayIssue) return <Alert type="info" showIcon title="草稿仅供起草单位的监督员和领导修改、预览和发布。" />;
  return (
    <>
      <Card
        title="发布预览"
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void preview.refetch()} loading={preview.isFetching}>
            刷新预览
          </Button>
        }
        actions={[
          <Button key="revise" size="large" icon={<EditOutlined />} onClick={() => setRevising(true)}>
            修改草稿
          </Button>,
          <Button
            key="publish"
            size="large"
            type="primary"
            icon={<SendOutlined />}
            disabled={!p || Boolean(notOver)}
            loading={publish.isPending}
            onClick={confirmPublish}
          >
            发布
          </Button>,
        ]}
      >
        {preview.isLoading ? (
          <Spin tip="正在按当前数据生成预览…">
            <div style={{ minHeight: 120 }} />
          </Spin>
        ) : preview.isError || !p ? (
          <Alert type="warning" showIcon title="无法生成预览" description={messageOf(preview.error)} />
        ) : (
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <Alert
              type={notOver ? 'warning' : 'info'}
              showIcon
              title={notOver ?? '以下是此刻发布将公开的全部内容'}
              description={`数据截至 ${beijingDateTime(p.asOf)}；表格只含可公开的信息（不含投诉人、工作人员和黑名单）；公示类别：${words.label('publicityClasses', p.publicity.class)}；文号在发布时编排。`}
            />
            <NoticeSheet label="发布预览" content={{ ...p, documentNo: null, issuingUnitName: p.issuingUnit.name }} />
          </Space>
        )}
      </Card>
      <Drawer
        title="修改草稿"
        open={revising}
        onClose={() => setRevising(false)}
        placement={screens.md ? 'right' : 'bottom'}
        size={screens.md ? 520 : '90%'}
        destroyOnHidden
      >
        <NoticeForm notice={notice} onSaved={() => setRevising(false)} />
      </Drawer>
    </>
  );
}
