import { useQuery } from '@tanstack/react-query';
import { App, Button, Empty, Image, List, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, type Schemas } from '../client/client';
import { call, messageOf } from '../client/errors';
import { downloadFile, fetchBlob } from '../client/files';
import { beijingDateTime } from './time';

/** The prefix of every case's file list: invalidate it when a step may have attached files to a case. */
export const CASE_FILES_KEYS: readonly unknown[] = ['case'];
/** The query key of a case's files: invalidate it after an upload so the list refreshes. */
export const caseFilesKey = (stream: string): readonly unknown[] => [...CASE_FILES_KEYS, stream, 'files'];

/** A file as the case's file list tells it, or as a read model (visit, finding, referral) carries it with its note. */
type ShownFile = Schemas['AuditCaseFileDto'] | Schemas['InspectionAttachedFileDto'] | Schemas['ReferralFileDto'];

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** GET /audit/cases/:stream/files — the case's files (every readable linked stream's), one query however many views show them. */
export function useCaseFileList(stream: string, enabled = true) {
  return useQuery({
    queryKey: caseFilesKey(stream),
    queryFn: () => call(api.GET('/audit/cases/{stream}/files', { params: { path: { stream } } })),
    enabled,
  });
}

/** The download path of one of a case's files. */
export const caseFilePath = (stream: string, digest: string): string => `/audit/cases/${encodeURIComponent(stream)}/files/${digest}`;

/**
 * An object URL of an authorized file (null path: nothing yet), released when the component goes.
 * Files need the bearer token, which an <img src> cannot send, so the bytes are fetched; they are kept
 * in the query cache so a re-render or a second viewer of the same file does not fetch them again.
 */
function useObjectUrl(path: string | null) {
  const blob = useQuery({
    queryKey: ['file-blob', path],
    queryFn: async () => (await fetchBlob(path ?? '')).blob,
    enabled: path !== null,
    staleTime: Infinity,
    gcTime: 60_000,
  });
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!blob.data) return undefined;
    const created = URL.createObjectURL(blob.data);
    setUrl(created);
    return () => URL.revokeObjectURL(created);
  }, [blob.data]);
  return { url, loading: blob.isLoading, failed: blob.isError };
}

/** An image file's thumbnail; opening it fetches the full image only then. */
function Thumbnail({ stream, file, px }: { stream: string; file: ShownFile; px: number }) {
  const thumb = useObjectUrl(`${caseFilePath(stream, file.digest)}/thumbnail`);
  const [previewing, setPreviewing] = useState(false);
  const full = useObjectUrl(previewing ? caseFilePath(stream, file.digest) : null);
  const box = { width: px, height: px };
  if (thumb.failed)
    return (
      <div className="file-thumb-none" style={box}>
        无预览
      </div>
    );
  if (!thumb.url) return <Skeleton.Image active style={box} />;
  return (
    <Image
      width={px}
      height={px}
      style={{ objectFit: 'cover', borderRadius: 4 }}
      src={thumb.url}
      alt={file.name}
      preview={{ src: full.url ?? thumb.url, open: previewing, onOpenChange: setPreviewing }}
    />
  );
}

/**
 * 附件: the files attached to a case, with image thumbnails (opening full size) and downloads.
 * Without `files` it reads the case's file list (GET /audit/cases/:stream/files); a page that already
 * holds them (a visit, a finding under review) passes them. `cited` marks the files a request cites
 * (the sign-off request's evidence), `names` says who attached each, `large` shows bigger thumbnails
 * for judging evidence on a phone. With `asOf` (a past instant being looked at), files attached after
 * it are greyed and marked. `filePath` downloads from a route of the case's own context instead of the
 * audit's (a referral's files, which partners read without audit routes); such routes have no thumbnails.
 */
export function CaseFiles({
  stream,
  files,
  stepLabel,
  cited = [],
  names = {},
  large = false,
  asOf = null,
  filePath,
}: {
  stream: string;
  files?: readonly ShownFile[];
  stepLabel?: (step: string | null) => string;
  cited?: readonly string[];
  names?: Readonly<Record<string, string>>;
  large?: boolean;
  asOf?: string | null;
  filePath?: (digest: string) => string;
}) {
  const { message } = App.useApp();
  const download = filePath ?? ((digest: string) => caseFilePath(stream, digest));
  const listed = useCaseFileList(stream, files === undefined);
  if (files === undefined && listed.isLoading) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (files === undefined && listed.isError)
    return <Typography.Text type="danger">附件加载失败：{messageOf(listed.error)}</Typography.Text>;
  const rows: readonly ShownFile[] = files ?? listed.data?.files ?? [];
  if (rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无附件" />;
  const px = large ? 96 : 72;
  const erased = (file: ShownFile): boolean => 'erased' in file && file.erased;
  return (
    <List
      aria-label="附件"
      dataSource={[...rows]}
      rowKey={(file) => file.digest}
      renderItem={(file) => (
        <List.Item
          className={asOf && file.attachedAt > asOf ? 'timeline-later' : undefined}
          actions={
            erased(file)
              ? []
              : [
                  <Button
                    key="download"
                    type="link"
                    aria-label={`下载 ${file.name}`}
                    onClick={() =>
                      void downloadFile(download(file.digest), file.name).catch((error: unknown) => message.error(messageOf(error)))
                    }
                  >
                    下载
                  </Button>,
                ]
          }
        >
          <List.Item.Meta
            avatar={
              file.mediaType.startsWith('image/') && !erased(file) && !filePath ? (
                <Thumbnail stream={stream} file={file} px={px} />
              ) : (
                <div className="file-thumb-none" style={{ width: px, height: px }}>
                  {file.name.split('.').pop()?.toUpperCase() ?? '文件'}
                </div>
              )
            }
            title={<Typography.Text ellipsis={{ tooltip: file.name }}>{file.name}</Typography.Text>}
            description={
              <Space orientation="vertical" size={2}>
                {'note' in file && file.note && <Typography.Text>{file.note}</Typography.Text>}
                <Space size={4} wrap>
                  {file.step && <Tag>{stepLabel ? stepLabel(file.step) : file.step}</Tag>}
                  {cited.includes(file.digest) && <Tag color="blue">申请所附</Tag>}
                  <span>{sizeText(file.size)}</span>
                  <span>
                    {names[file.attachedBy] ? `${names[file.attachedBy]} · ` : ''}
                    {beijingDateTime(file.attachedAt)}
                  </span>
                  {erased(file) && <Tag color="default">已依法删除</Tag>}
                  {asOf && file.attachedAt > asOf && <Tag>该时刻之后上传</Tag>}
                </Space>
              </Space>
            }
          />
        </List.Item>
      )}
    />
  );
}
