import { FileWordOutlined, GlobalOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Drawer, Grid, Space } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { PATHS } from '../../routes';
import { useCatalogue } from '../../shared/catalogue';
import { beijingDate, beijingDateTime } from '../../shared/time';
import { CorrectionForm } from './CorrectionForm';
import type { StaffNotice } from './notice-queries';
import { NoticeSheet } from './NoticeSheet';

/**
 * A published notice: its number, when, the SM3 of its content (printed on the document) and of the
 * DOCX, how long it is public, the public page and the Word file, its corrections — and, while no
 * correction was published, 更正 / 撤销: a new draft linked to it, since the notice itself never changes.
 */
export function PublishedPanel({ notice, mayIssue }: { notice: StaffNotice; mayIssue: boolean }) {
  const words = useCatalogue();
  const screens = Grid.useBreakpoint();
  const navigate = useNavigate();
  const [correcting, setCorrecting] = useState<'correct' | 'withdraw' | null>(null);
  const p = notice.published!;
  return (
    <>
      <Card
        title="发布信息"
        actions={
          mayIssue && !p.correctedBy
            ? [
                <Button key="correct" size="large" onClick={() => setCorrecting('correct')}>
                  更正
                </Button>,
                <Button key="withdraw" size="large" danger onClick={() => setCorrecting('withdraw')}>
                  撤销
                </Button>,
              ]
            : undefined
        }
      >
        {p.correctedBy ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={
              <>
                本通报已被{p.correctedBy.withdraw ? '撤销' : '更正'}，以{' '}
                <Link to={PATHS.notice(p.correctedBy.noticeId)}>
                  《{p.correctedBy.title}》（{p.correctedBy.documentNo}）
                </Link>{' '}
                为准。
              </>
            }
          />
        ) : null}
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="文号">{p.documentNo}</Descriptions.Item>
          <Descriptions.Item label="发布时间">{beijingDateTime(p.publishedAt)}</Descriptions.Item>
          <Descriptions.Item label="数据截至">{beijingDateTime(p.asOf)}</Descriptions.Item>
          <Descriptions.Item label="公示期限">
            {p.publicity.until ? `至 ${beijingDate(p.publicity.until)}` : '长期公示'}（{words.label('publicityClasses', p.publicity.class)}
            ）
          </Descriptions.Item>
          <Descriptions.Item label="内容摘要（SM3）">
            <span className="notice-digest" data-testid="notice-content-digest">
              {p.digest.content}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label="Word 文档摘要（SM3）">
            <span className="notice-digest">{p.digest.document}</span>
          </Descriptions.Item>
        </Descriptions>
        <Space wrap style={{ marginTop: 12 }}>
          <Button icon={<GlobalOutlined />} href={PATHS.portalNotice(notice.noticeId)} target="_blank" rel="noopener">
            查看公开页面
          </Button>
          <Button icon={<FileWordOutlined />} href={p.document} download>
            下载 Word 文档
          </Button>
        </Space>
      </Card>
      <NoticeSheet
        label="已发布的通报"
        content={{
          ...p,
          corrects: p.corrects ? { ...p.corrects, withdraw: notice.withdraw } : null,
          issuingUnitName: p.issuingUnit.name,
        }}
      />
      <Drawer
        title={correcting === 'withdraw' ? '撤销通报' : '更正通报'}
        open={correcting !== null}
        onClose={() => setCorrecting(null)}
        placement={screens.md ? 'right' : 'bottom'}
        size={screens.md ? 520 : '90%'}
        destroyOnHidden
      >
        {correcting ? (
          <CorrectionForm
            notice={notice}
            withdraw={correcting === 'withdraw'}
            onSaved={(id) => {
              setCorrecting(null);
              navigate(PATHS.notice(id));
            }}
          />
        ) : null}
      </Drawer>
    </>
  );
}
