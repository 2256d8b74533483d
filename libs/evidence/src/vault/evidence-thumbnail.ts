import { Readable } from 'node:stream';
import sharp from 'sharp';

/** What gets a thumbnail: the still-image kinds sharp decodes (the first frame of an animated GIF). */
export const THUMBNAIL_MEDIA_TYPES: ReadonlySet<string> = new Set([
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'image/avif',
  'image/tiff',
]);

/** Thumbnails fit inside this box (px), as the dossier shows them. */
export const THUMBNAIL_BOX = 320;

/**
 * A JPEG that fits inside 320×320 (never enlarged, turned upright by its EXIF orientation,
 * transparency on white), or null when the bytes do not decode as an image: an upload that
 * sniffed as an image but is damaged must not fail the dossier.
 */
export async function thumbnailOf(source: Readable): Promise<Buffer | null> {
  const pipeline = sharp({ failOn: 'error', pages: 1, limitInputPixels: 100_000_000 })
    .rotate()
    .resize(THUMBNAIL_BOX, THUMBNAIL_BOX, { fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 80 });
  let sourceError: unknown = null;
  source.on('error', (error) => {
    sourceError = error;
    pipeline.destroy(error);
  });
  source.pipe(pipeline);
  try {
    return await pipeline.toBuffer();
  } catch {
    // Undecodable bytes are null; a store that failed mid-read is an error for the caller to see.
    if (sourceError) throw sourceError;
    return null;
  } finally {
    source.destroy();
  }
}
