import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Space, Upload } from 'antd';
import { useState } from 'react';
import { api, type Schemas } from '../client/client';
import { ApiError, call } from '../client/errors';
import { useStepMutation } from '../shared/step-mutation';
import { useManageRefresh } from './manage-queries';

type YearFile = Schemas['CalendarYearDto'];

/** The file's content if it looks like an import file; the API checks every date and name again. */
function yearFileOf(text: string): YearFile | null {
  try {
    const value = JSON.parse(text) as Partial<YearFile>;
    return typeof value === 'object' && value !== null && typeof value.year === 'number' ? (value as YearFile) : null;
  } catch {
    return null;
  }
}

/**
 * 导入年度日历: the State Council's notice as the JSON file docs/calendar.md describes, read in the
 * browser and shown before it is sent; the API validates it (naming the date at fault) and deadlines
 * counted on that year provisionally are recomputed by the worker.
 */
export function CalendarImport() {
  const refresh = useManageRefresh();
  const [file, setFile] = useState<{ name: string; content: YearFile | null } | null>(null);
  const importYear = useStepMutation<YearFile>({
    send: (body) => call(api.POST('/admin/calendar/years', { body })),
    done: '日历已导入，暂定期限将按正式安排重新计算',
    refresh: async () => {
      setFile(null);
      await refresh('calendar');
    },
  });
  const problem = importYear.error instanceof ApiError ? importYear.error : null;
  const content = file?.content;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Upload
        accept=".json,application/json"
        showUploadList={false}
        beforeUpload={(chosen) => {
          importYear.reset();
          void chosen.text().then((text) => setFile({ name: chosen.name, content: yearFileOf(text) }));
          return false;
        }}
      >
        <Button icon={<UploadOutlined />}>选择日历文件（JSON）</Button>
      </Upload>
      {file && !content && <Alert type="error" showIcon title={`“${file.name}”不是有效的日历文件（须为含 year 的 JSON）`} />}
      {content && (
        <>
          <Descriptions size="small" bordered column={1} title={`“${file?.name}”`}>
            <Descriptions.Item label="年度">{content.year}</Descriptions.Item>
            <Descriptions.Item label="依据">{content.source}</Descriptions.Item>
            <Descriptions.Item label="放假日">{Object.keys(content.holidays ?? {}).length} 天</Descriptions.Item>
            <Descriptions.Item label="调休上班">{Object.keys(content.makeupWorkdays ?? {}).length} 天</Descriptions.Item>
          </Descriptions>
          <Button type="primary" loading={importYear.isPending} onClick={() => importYear.mutate(content)}>
            导入 {content.year} 年日历
          </Button>
        </>
      )}
      {problem && (
        <Alert
          type="error"
          showIcon
          title={problem.message}
          description={problem.fields.length ? problem.fields.map((field) => field.message).join('；') : undefined}
        />
      )}
    </Space>
  );
}
