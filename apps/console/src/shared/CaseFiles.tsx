import { useQuery } from '@tanstack/react-query';
import { App, Button, Empty, Image, List, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { call, messageOf } from '../api/errors';
import { downloadFile, fetchBlob } from '../api/files';
import { beijingDateTime } from './time';

/** The query key of a case's files: invalidate it after an upload so the list refreshes. */
export const caseFilesKey = (stream: string): readonly unknown[] => ['case', stream, 'files'];

const filePath = (stream: string, digest: string): string => `/audit/cases/${encodeURIComponent(stream)}/files/${digest}`;

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * An image file's thumbnail. Thumbnails need the bearer token, which an <img src> cannot send, so the
 * bytes are fetched and shown from an object URL (revoked when the thumbnail goes); clicking opens
 * the full image the same way.
 */
function Thumbnail({ stream, digest, name }: { stream: string; digest: string; name: string }) {
  const [src, setSrc] = useState<string | null>(null);
  const [full, setFull] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let url: string | null = null;
    let live = true;
    fetchBlob(`${filePath(stream, digest)}/thumbnail`)
      .then(({ blob }) => {
        if (!live) return;
        url = URL.createObjectURL(blob);
        setSrc(url);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [stream, digest]);
  useEffect(() => () => void (full && URL.revokeObjectURL(full)), [full]);
  if (failed) return <div className="file-thumb file-thumb-none">无预览</div>;
  if (!src) return <Skeleton.Image active className="file-thumb" />;
  return (
    <Image
      className="file-thumb"
      src={src}
      alt={name}
      width={72}
      height={72}
      style={{ objectFit: 'cover' }}
      preview={{
        src: full ?? src,
        onVisibleChange: (visible) => {
          if (visible && !full) void fetchBlob(filePath(stream, digest)).then(({ blob }) => setFull(URL.createObjectURL(blob)));
        },
      }}
    />
  );
}

/** 附件: the files attached to a case (any of its streams), with image thumbnails and downloads. */
export function CaseFiles({ stream, stepLabel }: { stream: string; stepLabel?: (step: string | null) => string }) {
  const { message } = App.useApp();
  const files = useQuery({
    queryKey: caseFilesKey(stream),
    queryFn: () => call(api.GET('/audit/cases/{stream}/files', { params: { path: { stream } } })),
  });
  if (files.isLoading) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (files.isError) return <Typography.Text type="danger">附件加载失败：{messageOf(files.error)}</Typography.Text>;
  const rows = files.data?.files ?? [];
  if (rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无附件" />;
  return (
    <List
      dataSource={rows}
      rowKey={(file) => file.digest}
      renderItem={(file) => (
        <List.Item
          actions={
            file.erased
              ? []
              : [
                  <Button
                    key="download"
                    type="link"
                    aria-label={`下载 ${file.name}`}
                    onClick={() =>
                      void downloadFile(filePath(stream, file.digest), file.name).catch((error: unknown) => message.error(messageOf(error)))
                    }
                  >
                    下载
                  </Button>,
                ]
          }
        >
          <List.Item.Meta
            avatar={
              file.mediaType.startsWith('image/') && !file.erased ? (
                <Thumbnail stream={stream} digest={file.digest} name={file.name} />
              ) : (
                <div className="file-thumb file-thumb-none">{file.name.split('.').pop()?.toUpperCase() ?? '文件'}</div>
              )
            }
            title={<Typography.Text ellipsis={{ tooltip: file.name }}>{file.name}</Typography.Text>}
            description={
              <Space size={4} wrap>
                {file.step && <Tag>{stepLabel ? stepLabel(file.step) : file.step}</Tag>}
                <span>{sizeText(file.size)}</span>
                <span>{beijingDateTime(file.attachedAt)}</span>
                {file.erased && <Tag color="default">已依法删除</Tag>}
              </Space>
            }
          />
        </List.Item>
      )}
    />
  );
}
