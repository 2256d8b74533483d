import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Empty, Select, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { api, type Schemas } from '../../client/client';
import { call, messageOf } from '../../client/errors';
import { downloadFile } from '../../client/files';
import { useCatalogue } from '../../shared/catalogue';
import { beijingDateTime } from '../../shared/time';
import { findingKey, useRefreshAfterStep } from '../inspector-api';
import { useStepMutation } from '../../shared/step-mutation';

type NoticeKind = Schemas['NoticeDocumentDto']['kind'];
type NoticeDocument = Schemas['NoticeDocumentDto'];

/** Which printed notice fits the finding now (the API has the last word and explains a refusal). */
function suggestedKind(status: string, rung: string | null): NoticeKind {
  if (status === 'signedOff') return 'sign-off-confirmation';
  if (rung === 'reminder-letter' || rung === 'summons' || rung === 'listed-supervision') return rung;
  return 'rectification-notice';
}

/**
 * 文书: the notices printed for the finding (整改通知书, 提醒敦促函, 约谈通知书, 挂牌督办通知, 销号确认), each
 * with its number; 出具 takes the next number of the unit, 打印 downloads the DOCX to print.
 */
export function NoticeDocuments({ findingId, status, rung }: { findingId: string; status: string; rung: string | null }) {
  const words = useCatalogue();
  const { message } = App.useApp();
  const [kind, setKind] = useState<NoticeKind>(suggestedKind(status, rung));
  const notices = useQuery({
    queryKey: [...findingKey(findingId), 'notices'],
    queryFn: () => call(api.GET('/findings/{findingId}/notices', { params: { path: { findingId } } })),
  });
  const print = (notice: NoticeDocument) =>
    downloadFile(notice.download, notice.fileName).catch((error: unknown) => message.error(messageOf(error)));
  const refreshAfterStep = useRefreshAfterStep();
  const issue = useStepMutation({
    send: async (chosen: NoticeKind) => {
      const issued = await call(api.POST('/findings/{findingId}/notices', { params: { path: { findingId } }, body: { kind: chosen } }));
      message.info(`已出具${issued.title}，文号 ${issued.documentNo}`);
      await print(issued);
      return issued;
    },
    done: '文书已出具，正在下载打印文件',
    refresh: () => refreshAfterStep(findingKey(findingId)),
  });
  const items = notices.data?.items ?? [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {notices.isLoading ? (
        <Spin />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未出具文书" />
      ) : (
        <ul style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="已出具的文书">
          {items.map((notice) => (
            <li
              key={notice.documentNo}
              style={{
                display: 'flex',
                justifyContent: 'space-between',
                gap: 8,
                padding: '8px 0',
                borderBottom: '1px solid #f0f0f0',
                flexWrap: 'wrap',
              }}
            >
              <span>
                <Typography.Text strong>{notice.title}</Typography.Text> <Typography.Text copyable>{notice.documentNo}</Typography.Text>
                <br />
                <Typography.Text type="secondary">{beijingDateTime(notice.issuedAt)}</Typography.Text>
              </span>
              <Button
                icon={<PrinterOutlined />}
                onClick={() => void print(notice)}
                aria-label={`打印 ${notice.title} ${notice.documentNo}`}
              >
                打印
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className="field-actions" style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Select<NoticeKind>
          aria-label="文书种类"
          value={kind}
          onChange={setKind}
          style={{ flex: 1, minWidth: 160 }}
          size="large"
          options={words.options('noticeKinds').map((option) => ({ ...option, value: option.value as NoticeKind }))}
        />
        <Button type="primary" size="large" icon={<PrinterOutlined />} loading={issue.isPending} onClick={() => issue.mutate(kind)}>
          出具并打印
        </Button>
      </div>
    </Space>
  );
}
