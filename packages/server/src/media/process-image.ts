import { open } from 'node:fs/promises';
import { validationFailed } from '@hashchat/api/requests/validation';
import { encode } from 'blurhash';
import type { Metadata, Sharp } from 'sharp';
import { type ImageFormat, sniffImage } from './sniff';

// sharp (libvips, some 20 MB of memory) loads with the first image, not with the server.
let loadedSharp: Promise<typeof import('sharp')['default']> | null = null;
const loadSharp = async () => {
  loadedSharp ??= import('sharp').then((m) => m.default);
  return loadedSharp;
};

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
  ext: 'jpg' | 'png' | 'webp' | 'gif';
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
  const sharp = await loadSharp();
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

/** The first bytes of a file, for the sniff. */
async function head(file: string): Promise<Buffer> {
  const fd = await open(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    const { bytesRead } = await fd.read(buf, 0, 16, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fd.close();
  }
}

/**
 * Decodes an accepted upload (a file, or bytes) and writes what is served: turned upright,
 * every metadata block dropped (sharp keeps none unless asked: no EXIF, so no GPS position),
 * scaled down to the display and preview sizes, with its blurhash (of the first frame).
 *
 * An animated GIF stays an animated GIF, both sizes, reported as `type: "image"`: Mastodon's
 * `gifv` means a video file (an MP4 its apps play in a video player), which we do not make.
 * Its pixels over all frames count against `maxPixels`; one over it keeps its first frame, as
 * does a GIF of one frame, as a PNG.
 */
export async function processImage(input: string | Buffer, maxPixels: number): Promise<ProcessedImage> {
  const format = sniffImage(typeof input === 'string' ? await head(input) : input);
  if (!format) throw validationFailed('File content type is not a supported image');
  const sharp = await loadSharp();
  const first = await sharp(input, { limitInputPixels: maxPixels, failOn: 'error' }).metadata();
  const pages = first.pages ?? 1;
  const animated =
    format === 'gif' &&
    pages > 1 &&
    (first.width ?? 0) * (first.pageHeight ?? first.height ?? 0) * pages <= maxPixels;
  const ext = animated ? 'gif' : format === 'jpeg' ? 'jpg' : format === 'webp' ? 'webp' : 'png';
  // An animated GIF is read whole (every frame; limitInputPixels then counts them all) and has
  // no orientation to apply.
  const decoded = () =>
    animated
      ? sharp(input, { animated: true, limitInputPixels: maxPixels, failOn: 'error' })
      : sharp(input, { limitInputPixels: maxPixels, failOn: 'error' }).rotate();
  const encodeAs = (img: Sharp) =>
    ext === 'jpg'
      ? img.jpeg({ quality: 85, mozjpeg: true })
      : ext === 'webp'
        ? img.webp()
        : ext === 'gif'
          ? img.gif()
          : img.png();
  const scaled = async (size: number) => {
    const out = await encodeAs(
      decoded().resize(size, size, { fit: 'inside', withoutEnlargement: true }),
    ).toBuffer({ resolveWithObject: true });
    // An animation's height is its frames' stacked; one frame's is `pageHeight`.
    const info = out.info as typeof out.info & { pageHeight?: number };
    return {
      data: out.data,
      size: sized(info.width, animated ? (info.pageHeight ?? info.height) : info.height),
    };
  };
  const display = await scaled(DISPLAY_SIZE);
  const preview = await scaled(PREVIEW_SIZE);
  const tiny = await sharp(input, { limitInputPixels: maxPixels, failOn: 'error' })
    .rotate()
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
    meta: { original: display.size, small: preview.size },
    blurhash,
  };
}
