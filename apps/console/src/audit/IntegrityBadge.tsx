import { CheckCircleFilled, SafetyCertificateOutlined, WarningFilled } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, Grid, Skeleton, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Schemas } from '../client/client';
import { messageOf } from '../client/errors';
import { PATHS } from '../routes';
import { beijingDateTime } from '../shared/time';
import { useCaseIntegrity } from './audit-queries';
import { categoryOf, idOf, isCaseStream, kindOf } from './case-kinds';

type Report = Schemas['AuditCaseIntegrityReportDto'];

const PROBLEMS: Readonly<Record<string, string>> = {
  content: '内容与哈希不符（事件被改动）',
  link: '前后哈希不衔接（事件被替换或插入）',
  missing: '缺少事件（被删除）',
  order: '顺序错乱',
};

/** A hash people can compare by eye, in a monospace font, copied whole; `short` shows its ends only (a table's cell). */
function Hash({ value, short = false }: { value: string | null; short?: boolean }) {
  if (!value) return <span>—</span>;
  return (
    <Typography.Text
      code
      copyable={{ text: value, tooltips: ['复制哈希', '已复制'] }}
      className={short ? 'hash-text hash-short' : 'hash-text'}
      title={value}
    >
      {short ? `${value.slice(0, 8)}…${value.slice(-6)}` : value}
    </Typography.Text>
  );
}

function Details({ report }: { report: Report }) {
  return (
    <>
      {report.ok ? (
        <Alert type="success" showIcon title="未发现篡改：每条记录的 SM3 哈希与内容一致，前后衔接完整。" />
      ) : (
        <Alert
          type="error"
          showIcon
          title="发现篡改或缺失"
          description={
            <>
              {report.firstBreak && (
                <div>
                  首个断点：{kindOf(report.firstBreak.streamName)} {idOf(report.firstBreak.streamName)} 第 {report.firstBreak.revision} 条 ·{' '}
                  {PROBLEMS[report.firstBreak.problem] ?? report.firstBreak.problem}
                </div>
              )}
              {report.files?.problems.map((p) => (
                <div key={`${p.stream}-${p.digest}`}>
                  附件「{p.name}」{p.status === 'missing' ? '在文件库中不存在' : '内容已被改动'}
                </div>
              ))}
            </>
          }
        />
      )}
      <Descriptions
        size="small"
        column={1}
        bordered
        style={{ marginTop: 16 }}
        items={[
          { key: 'algorithm', label: '算法', children: `${report.algorithm}（国密杂凑算法）` },
          { key: 'verifiedAt', label: '校验时间', children: beijingDateTime(report.verifiedAt) },
          { key: 'events', label: '校验事件', children: `${report.events} 条，${report.streams} 个流程` },
          { key: 'positions', label: '日志位置', children: `${report.firstPosition ?? '—'} – ${report.lastPosition ?? '—'}` },
          { key: 'first', label: '首条哈希', children: <Hash value={report.firstHash} /> },
          { key: 'last', label: '末条哈希', children: <Hash value={report.lastHash} /> },
          ...(report.files
            ? [{ key: 'files', label: '附件文件', children: `已核对 ${report.files.checked} 个，问题 ${report.files.problems.length} 个` }]
            : []),
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        各流程链头
      </Typography.Title>
      <Table
        size="small"
        rowKey="stream"
        pagination={false}
        scroll={{ x: true }}
        dataSource={report.perStream}
        columns={[
          {
            title: '流程',
            key: 'stream',
            render: (_, row) => (
              <Link to={PATHS.caseAudit(row.stream)}>
                {kindOf(row.stream)} {idOf(row.stream)}
                {!isCaseStream(row.stream) && <Typography.Text type="secondary">（{categoryOf(row.stream)}）</Typography.Text>}
              </Link>
            ),
          },
          { title: '事件', dataIndex: 'events', key: 'events', width: 64 },
          { title: '链头哈希', key: 'head', width: 180, render: (_, row) => <Hash value={row.lastHash} short /> },
          {
            title: '结果',
            key: 'ok',
            width: 72,
            render: (_, row) => (row.ok ? <Tag color="green">完整</Tag> : <Tag color="red">已篡改</Tag>),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
        校验从每个流程的第 0 条记录起重新计算哈希（规范化方式 {report.canonicalization}）。下载的案卷附有全部记录与哈希，可离线复核。
      </Typography.Paragraph>
    </>
  );
}

/** 完整 / 已篡改: the SM3 chain of every stream of the case, checked now; the details open in a drawer. */
export function IntegrityBadge({ stream }: { stream: string }) {
  const report = useCaseIntegrity(stream);
  const [open, setOpen] = useState(false);
  const phone = !Grid.useBreakpoint().md;
  if (report.isLoading) return <Skeleton.Button active size="small" />;
  if (report.isError) return <Tag color="default">完整性校验失败：{messageOf(report.error)}</Tag>;
  const data = report.data!;
  return (
    <>
      <Button
        size="small"
        danger={!data.ok}
        icon={data.ok ? <CheckCircleFilled style={{ color: '#389e0d' }} /> : <WarningFilled />}
        onClick={() => setOpen(true)}
        aria-label={`完整性：${data.ok ? '完整' : '已篡改'}，查看校验详情`}
      >
        {data.ok ? '完整' : '已篡改'} · SM3
      </Button>
      <Drawer
        title={
          <span>
            <SafetyCertificateOutlined /> 完整性校验
          </span>
        }
        open={open}
        onClose={() => setOpen(false)}
        size={phone ? '100%' : 640}
      >
        <Details report={data} />
      </Drawer>
    </>
  );
}
