import { CameraOutlined, InboxOutlined } from '@ant-design/icons';
import { App, Button, Grid, Space, Upload } from 'antd';
import type { UploadFile, UploadProps } from 'antd';
import { useState } from 'react';
import { messageOf } from '../client/errors';
import { uploadFile } from '../client/files';

/** A file the API took: its SM3 digest is what a step's `evidence` cites. */
export interface UploadedEvidence {
  readonly digest: string;
  readonly name: string;
}

interface EvidenceReceipt {
  readonly file: { readonly digest: string; readonly name: string };
}

/**
 * 上传证据: drag-and-drop or pick files (on a phone, the camera: accept image/video with capture),
 * each sent at once to the case's evidence route with progress; the digests the API answers are
 * reported through `onChange` so the form can cite them. A refused file shows the API's reason.
 */
export function EvidenceUpload({
  path,
  step,
  onChange,
  onUploaded,
  onBusy,
  id,
}: {
  /** The case's evidence route, e.g. /findings/F1/evidence. */
  path: string;
  /** The `step` field sent with each file (the API's default when omitted). */
  step?: string;
  /** Every file taken so far (the list shown), after each change. */
  onChange?: (files: UploadedEvidence[]) => void;
  /** Once per file the API took. */
  onUploaded?: (file: UploadedEvidence) => void;
  /** Whether a file is still on its way: a form citing the files must not be sent meanwhile. */
  onBusy?: (busy: boolean) => void;
  /** For the form label's htmlFor. */
  id?: string;
}) {
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [list, setList] = useState<UploadFile<EvidenceReceipt>[]>([]);
  const report = (next: UploadFile<EvidenceReceipt>[]): void => {
    setList(next);
    onBusy?.(next.some((file) => file.status === 'uploading'));
    onChange?.(
      next
        .filter((file) => file.status === 'done' && file.response)
        .map((file) => ({ digest: file.response!.file.digest, name: file.response!.file.name })),
    );
  };
  const send: UploadProps<EvidenceReceipt>['customRequest'] = ({ file, onProgress, onSuccess, onError }) => {
    const form = new FormData();
    form.append('file', file);
    if (step) form.append('step', step);
    uploadFile<EvidenceReceipt>(path, form, (percent) => onProgress?.({ percent }))
      .then((receipt) => {
        onSuccess?.(receipt);
        onUploaded?.({ digest: receipt.file.digest, name: receipt.file.name });
      })
      .catch((error: unknown) => {
        void message.error(`${(file as File).name}：${messageOf(error)}`);
        onError?.(error instanceof Error ? error : new Error(messageOf(error)));
      });
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {!screens.md && (
        <Upload<EvidenceReceipt>
          accept="image/*,video/*"
          capture="environment"
          showUploadList={false}
          fileList={list}
          onChange={({ fileList }) => report(fileList)}
          customRequest={send}
        >
          <Button icon={<CameraOutlined />} block size="large">
            拍照或录像上传
          </Button>
        </Upload>
      )}
      <Upload.Dragger<EvidenceReceipt>
        id={id}
        multiple
        accept="image/*,video/*,application/pdf,.doc,.docx,.xls,.xlsx"
        fileList={list}
        onChange={({ fileList }) => report(fileList)}
        customRequest={send}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">点击或拖拽文件到此处上传</p>
        <p className="ant-upload-hint">支持图片、视频、PDF 和 Office 文档，可一次选择多个</p>
      </Upload.Dragger>
    </Space>
  );
}
