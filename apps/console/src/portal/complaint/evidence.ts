import { ApiError } from '../../client/errors';
import type { components } from '../../client/schema.gen';

type AttachReceipt = components['schemas']['PublicEvidenceReceiptDto'];

/** What the public upload accepts by default (uploads policy use `public`); the API has the last word. */
export const PUBLIC_FILE_ACCEPT = 'image/*,application/pdf';
export const PUBLIC_FILE_MAX_BYTES = 10 * 1024 * 1024;
/** The policy's `maxComplainantFiles` by default: the API refuses the tenth with its own words. */
export const PUBLIC_FILES_MAX = 9;

/** A file the browser can already tell the API will refuse (kind or size), in Chinese; null if it may go. */
export function fileProblem(file: File): string | null {
  const kindOk = file.type.startsWith('image/') || file.type === 'application/pdf' || /\.(pdf|jpe?g|png|gif|webp|heic)$/i.test(file.name);
  if (!kindOk) return `“${file.name}”不是图片或 PDF 文件，只能上传照片、截图或 PDF`;
  if (file.size > PUBLIC_FILE_MAX_BYTES) return `“${file.name}”超过 10 MB，请压缩后再上传`;
  return null;
}

async function refusal(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as { code?: string; message?: string } | null;
  return new ApiError(response.status, body?.code ?? `HTTP_${response.status}`, body?.message ?? `上传未完成（${response.status}）`);
}

/** Attaches one file to a ticket with its code and secret (multipart; the secret never in the URL). */
export async function attachFile(code: string, secret: string, file: File): Promise<AttachReceipt> {
  const form = new FormData();
  form.append('secret', secret);
  form.append('file', file, file.name);
  const response = await fetch(`/public/complaints/${encodeURIComponent(code)}/evidence`, { method: 'POST', body: form }).catch(() => null);
  if (!response) throw new ApiError(0, 'NETWORK', '上传失败：无法连接服务器');
  if (!response.ok) throw await refusal(response);
  return (await response.json()) as AttachReceipt;
}

/** Downloads one of the complainant's own files (secret in a header, as the API asks). */
export async function downloadOwnFile(code: string, secret: string, digest: string, name: string): Promise<void> {
  const response = await fetch(`/public/complaints/${encodeURIComponent(code)}/evidence/${encodeURIComponent(digest)}`, {
    headers: { 'X-Ticket-Secret': secret },
  }).catch(() => null);
  if (!response) throw new ApiError(0, 'NETWORK', '下载失败：无法连接服务器');
  if (!response.ok) throw await refusal(response);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A byte count people read: 820 KB, 3.4 MB. */
export function sizeText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
