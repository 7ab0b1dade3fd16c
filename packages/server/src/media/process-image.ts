import { validationFailed } from '@hashchat/api/requests/validation';
import { encode } from 'blurhash';
import sharp, { type Metadata, type Sharp } from 'sharp';
import { type ImageFormat, sniffImage } from './sniff';

/** The longest side of the image clients show, and of its preview. */
export const DISPLAY_SIZE = 1920;
export const PREVIEW_SIZE = 400;

export interface ImageSize {
  width: number;
  height: number;
  size: string;
  aspect: number;
}

export interface ProcessedImage {
  display: Buffer;
  preview: Buffer;
  /** The extension both files are stored with (it fixes their content type). */
  ext: 'jpg' | 'png' | 'webp';
  meta: { original: ImageSize; small: ImageSize };
  blurhash: string;
}

/**
 * Checks an upload before anything decodes it: an image we accept by its bytes, with no more
 * than `maxPixels` pixels declared in its header (a decompression bomb is refused here).
 */
export async function inspectUpload(head: Uint8Array, file: string, maxPixels: number): Promise<ImageFormat> {
  const format = sniffImage(head);
  if (!format) throw validationFailed('File content type is not a supported image');
  let meta: Metadata;
  try {
    meta = await sharp(file, { limitInputPixels: false }).metadata();
  } catch {
    throw validationFailed('File could not be read as an image');
  }
  if (meta.format !== format) throw validationFailed('File content type is not a supported image');
  const pixels = (meta.width ?? 0) * (meta.pageHeight ?? meta.height ?? 0);
  if (!meta.width || !meta.height || pixels > maxPixels)
    throw validationFailed(`File has more than ${maxPixels} pixels`);
  return format;
}

const sized = (width: number, height: number): ImageSize => ({
  width,
  height,
  size: `${width}x${height}`,
  aspect: Math.round((width / height) * 1e6) / 1e6,
});

/**
 * Decodes an accepted upload and writes what is served: turned upright, every metadata block
 * dropped (sharp keeps none unless asked: no EXIF, so no GPS position), scaled down to the
 * display and preview sizes, with its blurhash. A GIF keeps its first frame, as a PNG.
 */
export async function processImage(input: Buffer, maxPixels: number): Promise<ProcessedImage> {
  const format = sniffImage(input);
  if (!format) throw validationFailed('File content type is not a supported image');
  const ext = format === 'jpeg' ? 'jpg' : format === 'webp' ? 'webp' : 'png';
  const upright = () => sharp(input, { limitInputPixels: maxPixels, failOn: 'error' }).rotate();
  const encodeAs = (img: Sharp) =>
    ext === 'jpg' ? img.jpeg({ quality: 85, mozjpeg: true }) : ext === 'webp' ? img.webp() : img.png();

  const display = await encodeAs(
    upright().resize(DISPLAY_SIZE, DISPLAY_SIZE, { fit: 'inside', withoutEnlargement: true }),
  ).toBuffer({ resolveWithObject: true });
  const preview = await encodeAs(
    upright().resize(PREVIEW_SIZE, PREVIEW_SIZE, { fit: 'inside', withoutEnlargement: true }),
  ).toBuffer({ resolveWithObject: true });
  const tiny = await upright()
    .resize(32, 32, { fit: 'inside' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const blurhash = encode(
    new Uint8ClampedArray(tiny.data),
    tiny.info.width,
    tiny.info.height,
    4,
    Math.max(1, Math.min(9, Math.round((4 * tiny.info.height) / tiny.info.width))),
  );
  return {
    display: display.data,
    preview: preview.data,
    ext,
    meta: {
      original: sized(display.info.width, display.info.height),
      small: sized(preview.info.width, preview.info.height),
    },
    blurhash,
  };
}
