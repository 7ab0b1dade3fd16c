import type { MediaAttachment } from '@hashchat/api/entities/media';
import { escapeHtml as esc } from '@hashchat/core/text/render';
import { decode, isBlurhashValid } from 'blurhash';

const COVER_WIDTH = 8;

/**
 * A blurhash as an SVG data URL: a few blurred squares of its colours. The transcript page
 * runs no script and its CSP allows no inline style, but `img-src` takes `data:`, so the cover
 * of a sensitive image is an image of its own.
 */
export function blurhashSvg(hash: string, aspect: number): string | null {
  if (!isBlurhashValid(hash).result) return null;
  const w = COVER_WIDTH;
  const h = Math.max(1, Math.min(16, Math.round(w / (aspect > 0 ? aspect : 1))));
  const px = decode(hash, w, h);
  const rects: string[] = [];
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = 4 * (y * w + x);
      const hex = [px[i], px[i + 1], px[i + 2]].map((c) => c.toString(16).padStart(2, '0')).join('');
      rects.push(`<rect x="${x}" y="${y}" width="1.05" height="1.05" fill="#${hex}"/>`);
    }
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" preserveAspectRatio="none">` +
    `<filter id="b"><feGaussianBlur stdDeviation="0.6"/></filter><g filter="url(#b)">${rects.join('')}</g></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

const ready = (media: MediaAttachment[]) => media.filter((m) => m.url !== null);

function image(m: MediaAttachment): string {
  const small = m.meta.small ?? m.meta.original;
  const size = small ? ` width="${small.width}" height="${small.height}"` : '';
  const alt = m.description ?? '';
  return (
    `<a class="media-item" href="${esc(m.url ?? '')}">` +
    `<img src="${esc(m.preview_url ?? m.url ?? '')}" alt="${esc(alt)}"${alt ? ` title="${esc(alt)}"` : ''}${size} loading="lazy" decoding="async"></a>`
  );
}

/**
 * A status's images for the transcript page and its HTML export: previews linking to the full
 * image, with alt text and their size (no layout shift), lazy-loaded. A sensitive status's images
 * sit inside a closed `<details>` behind their blurhash: a lazy image in a closed `<details>` is
 * not fetched until the reader opens it.
 */
export function renderMediaHtml(media: MediaAttachment[], sensitive: boolean): string {
  const list = ready(media);
  if (list.length === 0) return '';
  const gallery = `<div class="media media-${Math.min(list.length, 4)}">${list.map(image).join('')}</div>`;
  if (!sensitive) return gallery;
  const first = list[0];
  const size = first.meta.small ?? first.meta.original;
  const cover = first.blurhash ? blurhashSvg(first.blurhash, size?.aspect ?? 1) : null;
  const label = `Sensitive content: show ${list.length === 1 ? 'image' : `${list.length} images`}`;
  return (
    `<details class="media-sensitive"><summary>` +
    (cover
      ? `<img class="media-cover" src="${esc(cover)}" alt=""${size ? ` width="${size.width}" height="${size.height}"` : ''}>`
      : '') +
    `<span>${label}</span></summary>${gallery}</details>`
  );
}

/** A small thumbnail of a status's first image, for the recap's top answers (text only when sensitive). */
export function renderMediaThumb(media: MediaAttachment[], sensitive: boolean): string {
  const list = ready(media);
  if (list.length === 0) return '';
  if (sensitive)
    return ` <span class="note">(${list.length === 1 ? 'sensitive image' : `${list.length} sensitive images`})</span>`;
  const m = list[0];
  const small = m.meta.small ?? m.meta.original;
  const h = 64;
  const w = small ? Math.max(1, Math.round((small.width / small.height) * h)) : h;
  return ` <img class="media-thumb" src="${esc(m.preview_url ?? m.url ?? '')}" alt="${esc(m.description ?? '')}" width="${w}" height="${h}" loading="lazy" decoding="async">`;
}
