import { Actor } from '@bihuan/core';
import { EventStore } from '@bihuan/event-store';
import { StreamAccess } from '../access/stream-access';
import { LinkedCase } from '../case-index/case-links';
import { DossierAttachment } from '../dossier/dossier.types';
import { caseFiles } from './case-files';
import { CaseFileView, FileVault } from './case-file-view';

/**
 * The files a dossier lists: every file of the case the reader may see, with an inline JPEG
 * thumbnail (`data:` URL) for images the reader may open — not for a sealed file hidden from them
 * or whose owner was erased, nor without a vault.
 */
export async function dossierFiles(
  store: EventStore,
  access: StreamAccess,
  linked: LinkedCase,
  reader: Actor,
  view: CaseFileView,
  vault?: FileVault,
): Promise<DossierAttachment[]> {
  const records = await caseFiles(store, access, linked);
  const rows = await view.rows(records, reader);
  const out: DossierAttachment[] = [];
  for (const [i, row] of rows.entries()) {
    const { file, attachedByUnit } = records[i]!;
    const showable = vault && row.mediaType.startsWith('image/') && !row.erased && view.mayOpen(file, reader, attachedByUnit);
    const jpeg = showable ? await vault.thumbnail(file) : null;
    out.push({ ...row, thumbnail: jpeg ? `data:image/jpeg;base64,${jpeg.toString('base64')}` : null });
  }
  return out;
}
