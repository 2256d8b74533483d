import { FileOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Empty, Image, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Schemas } from '../api/client';
import { messageOf } from '../api/errors';
import { downloadFile, fetchBlob } from '../api/files';
import { useCatalogue } from '../shared/catalogue';
import { beijingDateTime } from '../shared/time';
import './inspector.css';

type AttachedFile = Schemas['InspectionAttachedFileDto'];

const filePath = (stream: string, digest: string) => `/audit/cases/${encodeURIComponent(stream)}/files/${digest}`;

/** An object URL of an authorized image, released when the component goes away. */
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

function Thumbnail({ stream, file }: { stream: string; file: AttachedFile }) {
  const thumb = useObjectUrl(`${filePath(stream, file.digest)}/thumbnail`);
  const [previewing, setPreviewing] = useState(false);
  const full = useObjectUrl(previewing ? filePath(stream, file.digest) : null);
  if (thumb.loading) return <Skeleton.Image active style={{ width: 96, height: 96 }} />;
  if (!thumb.url) return <FileOutlined style={{ fontSize: 48 }} aria-label="无法显示缩略图" />;
  return (
    <Image
      width={96}
      height={96}
      style={{ objectFit: 'cover', borderRadius: 6 }}
      src={thumb.url}
      alt={file.name}
      preview={{
        src: full.url ?? thumb.url,
        open: previewing,
        onOpenChange: (open: boolean) => setPreviewing(open),
      }}
    />
  );
}

/**
 * The evidence viewer of a case: every attached file with who attached it at which step; images as
 * thumbnails (GET /audit/cases/:stream/files/:digest/thumbnail) that open full size, other files to
 * download. `cited` marks the files a request cites (e.g. the sign-off request's evidence).
 */
export function EvidenceThumbnails({
  stream,
  files,
  cited = [],
  names = {},
}: {
  stream: string;
  files: readonly AttachedFile[];
  cited?: readonly string[];
  names?: Record<string, string>;
}) {
  const words = useCatalogue();
  const { message } = App.useApp();
  if (files.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无附件" />;
  return (
    <ul className="evidence-grid" aria-label="证据材料">
      {files.map((file) => (
        <li key={file.digest} className="evidence-item">
          {file.mediaType.startsWith('image/') ? (
            <Thumbnail stream={stream} file={file} />
          ) : (
            <FileOutlined style={{ fontSize: 48 }} aria-hidden />
          )}
          <Space orientation="vertical" size={2} style={{ minWidth: 0 }}>
            <Typography.Text ellipsis style={{ maxWidth: 200 }}>
              {file.name}
            </Typography.Text>
            <Space size={4} wrap>
              <Tag>{words.label('inspectionEvidenceSteps', file.step)}</Tag>
              {cited.includes(file.digest) && <Tag color="blue">申请所附</Tag>}
            </Space>
            {file.note && <Typography.Text type="secondary">{file.note}</Typography.Text>}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {names[file.attachedBy] ?? file.attachedBy} · {beijingDateTime(file.attachedAt)}
            </Typography.Text>
            <Button
              size="small"
              onClick={() => downloadFile(filePath(stream, file.digest), file.name).catch((e: unknown) => message.error(messageOf(e)))}
            >
              下载原件
            </Button>
          </Space>
        </li>
      ))}
    </ul>
  );
}
