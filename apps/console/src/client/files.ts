import { authorizedFetch, refreshSession } from './client';
import { sessionStore } from '../session/session-store';
import { ApiError } from './errors';

async function refusal(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as { code?: string; message?: string; fields?: []; details?: object } | null;
  return new ApiError(
    response.status,
    body?.code ?? `HTTP_${response.status}`,
    body?.message ?? `请求未完成（${response.status}）`,
    body?.fields ?? [],
    { ...body?.details },
  );
}

/** The bytes of an authorized GET (file downloads, exports, thumbnails), or the API's refusal. */
export async function fetchBlob(path: string): Promise<{ blob: Blob; filename: string | null }> {
  const response = await authorizedFetch(new Request(new URL(path, window.location.origin)));
  if (!response.ok) throw await refusal(response);
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="([^"]+)"/i.exec(disposition)?.[1];
  return { blob: await response.blob(), filename: encoded ? decodeURIComponent(encoded) : (plain ?? null) };
}

/** Downloads an authorized file (export, notice, evidence) under the name the API gives it. */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const { blob, filename } = await fetchBlob(path);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename ?? fallbackName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * POSTs a multipart form (a file and its text fields) with upload progress, which fetch cannot
 * report, carrying the session's token; on 401 the session is refreshed and the upload sent again once.
 */
export async function uploadFile<T>(path: string, form: FormData, onProgress?: (percent: number) => void): Promise<T> {
  let session = sessionStore.read();
  if (session && session.expiresAt - Date.now() < 10_000) session = await refreshSession(session.accessToken);
  try {
    return await send<T>(path, form, onProgress, session?.accessToken);
  } catch (thrown) {
    if (!(thrown instanceof ApiError) || thrown.status !== 401 || !session) throw thrown;
    const fresh = await refreshSession(session.accessToken);
    if (!fresh) throw thrown;
    return send<T>(path, form, onProgress, fresh.accessToken);
  }
}

function send<T>(path: string, form: FormData, onProgress?: (percent: number) => void, token?: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', '上传失败：无法连接服务器'));
    xhr.onload = () => {
      const body = (() => {
        try {
          return JSON.parse(xhr.responseText) as unknown;
        } catch {
          return null;
        }
      })();
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as T);
      const error = (body ?? {}) as { code?: string; message?: string; fields?: []; details?: object };
      reject(
        new ApiError(xhr.status, error.code ?? `HTTP_${xhr.status}`, error.message ?? `上传未完成（${xhr.status}）`, error.fields ?? [], {
          ...error.details,
        }),
      );
    };
    xhr.send(form);
  });
}
