import { Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { EvidenceUpload, UploadedEvidence } from './EvidenceUpload';

/** A file already attached to the case, which a step may cite. */
export interface AttachedFile {
  readonly digest: string;
  readonly name: string;
}

/**
 * The `evidence` of a step (a form control: value = cited SM3 digests): upload new files — each
 * cited once the API has taken it — and/or pick files already attached to the case.
 */
export function EvidencePicker({
  id,
  value = [],
  onChange,
  attached,
  uploadPath,
  step,
  onUploaded,
  onBusy,
}: {
  id?: string;
  value?: string[];
  onChange?: (digests: string[]) => void;
  attached: readonly AttachedFile[];
  uploadPath: string;
  step?: string;
  /** Called after each upload the API took (to refresh the case's file list). */
  onUploaded?: () => void;
  /**
   * Whether a file is still uploading. Its digest is cited only once the API has taken it, so the
   * form's submit button waits (disabled) meanwhile: a report sent earlier would go without it.
   */
  onBusy?: (busy: boolean) => void;
}) {
  const [uploaded, setUploaded] = useState<UploadedEvidence[]>([]);
  const [busy, setBusy] = useState(false);
  const known = new Map<string, string>([...attached, ...uploaded].map((file) => [file.digest, file.name]));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <EvidenceUpload
        path={uploadPath}
        step={step}
        onBusy={(now) => {
          setBusy(now);
          onBusy?.(now);
        }}
        onChange={(files) => {
          const fresh = files.filter((file) => !uploaded.some((u) => u.digest === file.digest));
          setUploaded(files);
          const removed = uploaded.filter((u) => !files.some((file) => file.digest === u.digest)).map((u) => u.digest);
          const next = [...value.filter((digest) => !removed.includes(digest)), ...fresh.map((file) => file.digest)];
          onChange?.([...new Set(next)]);
          if (fresh.length) onUploaded?.();
        }}
      />
      {busy && <Typography.Text type="secondary">证据材料上传中，上传完成后即可提交。</Typography.Text>}
      {known.size > 0 && (
        <>
          <Typography.Text type="secondary">引用的证据材料（可选择已上传的附件）：</Typography.Text>
          <Select
            id={id}
            mode="multiple"
            style={{ width: '100%' }}
            placeholder="选择已上传的附件"
            value={value}
            onChange={onChange}
            options={[...known].map(([digest, name]) => ({ value: digest, label: name }))}
            optionFilterProp="label"
          />
        </>
      )}
    </Space>
  );
}
