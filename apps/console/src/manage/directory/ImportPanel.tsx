import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Progress, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError, messageOf } from '../../client/errors';
import { downloadFile, uploadFile } from '../../client/files';
import { useManageRefresh } from '../manage-queries';
import type { ImportRejection, Receipt } from './directory-types';

type Outcome =
  | { kind: 'imported'; fileName: string; receipt: Receipt }
  | { kind: 'rejected'; fileName: string; message: string; rejections: ImportRejection[] }
  | { kind: 'refused'; fileName: string; message: string };

/** What an import wrote, counted from the event types of its receipt (units, departments, users). */
function writtenOf(receipt: Receipt): string {
  const count = (prefix: string) => receipt.events.filter((type) => type.startsWith(prefix)).length;
  const parts = [
    ['单位', count('Unit')],
    ['科室', count('Department')],
    ['用户', count('User')],
  ].filter(([, n]) => Number(n) > 0);
  return parts.length ? parts.map(([what, n]) => `${what} ${n} 项`).join('，') : '文件与现有目录一致，没有需要写入的变化';
}

function rejectionsOf(error: ApiError): ImportRejection[] {
  const rejections = error.details['rejections'];
  return Array.isArray(rejections) ? (rejections as ImportRejection[]) : [];
}

/**
 * 批量导入 (docs/directory-import.md): the blank template, the upload (XLSX or CSV, at most 5 MB),
 * then the row report: what was written, or every rejected row with its Chinese reason (nothing is
 * written then; fix the rows and upload the whole file again). The directory refreshes after.
 */
export function ImportPanel() {
  const { message } = App.useApp();
  const refresh = useManageRefresh();
  const [progress, setProgress] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const send = async (file: File): Promise<void> => {
    const form = new FormData();
    form.append('file', file);
    setOutcome(null);
    setProgress(0);
    try {
      const receipt = await uploadFile<Receipt>('/directory/import', form, setProgress);
      setOutcome({ kind: 'imported', fileName: file.name, receipt });
      void message.success('导入完成');
      await refresh('directory');
    } catch (error) {
      if (error instanceof ApiError && error.code === 'DIRECTORY.IMPORT_REJECTED')
        setOutcome({ kind: 'rejected', fileName: file.name, message: error.message, rejections: rejectionsOf(error) });
      else setOutcome({ kind: 'refused', fileName: file.name, message: messageOf(error) });
    } finally {
      setProgress(null);
    }
  };

  const template = async (): Promise<void> => {
    try {
      await downloadFile('/directory/import-template', '机构与用户导入模板.xlsx');
    } catch (error) {
      void message.error(messageOf(error));
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph style={{ margin: 0 }}>
        按模板填写“单位”“科室”“用户”三张表（可只填其中一张），整份文件要么全部导入，要么一行也不写入。导入的新用户没有密码：请在用户列表中为其重置密码，把一次性密码告知本人。
      </Typography.Paragraph>
      <Button icon={<DownloadOutlined />} onClick={() => void template()}>
        下载导入模板
      </Button>
      <Upload.Dragger
        accept=".xlsx,.csv"
        multiple={false}
        showUploadList={false}
        disabled={progress !== null}
        beforeUpload={(file) => {
          void send(file);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">点击或拖入 Excel（.xlsx）或 CSV 文件</p>
        <p className="ant-upload-hint">不超过 5 MB</p>
      </Upload.Dragger>
      {progress !== null && <Progress percent={progress} status="active" aria-label="上传进度" />}
      {outcome?.kind === 'imported' && (
        <Alert type="success" showIcon title={`“${outcome.fileName}”已导入`} description={`写入：${writtenOf(outcome.receipt)}。`} />
      )}
      {outcome?.kind === 'refused' && <Alert type="error" showIcon title={`“${outcome.fileName}”未能导入`} description={outcome.message} />}
      {outcome?.kind === 'rejected' && (
        <>
          <Alert
            type="error"
            showIcon
            title={`“${outcome.fileName}”有 ${outcome.rejections.length} 处问题，未写入任何数据`}
            description="请按下表逐行修改后重新上传整份文件。"
          />
          <Table<ImportRejection>
            size="small"
            rowKey={(row, index) => `${row.sheet}-${row.row}-${row.field}-${index ?? 0}`}
            dataSource={outcome.rejections}
            pagination={outcome.rejections.length > 20 ? { pageSize: 20 } : false}
            aria-label="导入问题"
            columns={[
              { title: '行号', dataIndex: 'row', width: 72 },
              { title: '问题', dataIndex: 'message' },
            ]}
          />
        </>
      )}
    </Space>
  );
}
