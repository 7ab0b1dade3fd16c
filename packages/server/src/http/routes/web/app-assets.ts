import fs from 'node:fs';
import path from 'node:path';

/** What a server-rendered page takes from the built web app, by the names Vite gave them. */
export interface AppAssets {
  /** The app's stylesheets, as root-relative URLs. */
  stylesheets: string[];
  /** The transcript page's script (theme, times in the reader's zone), or null. */
  transcriptScript: string | null;
  /** The app's stylesheets' text, for a standalone file that must need nothing else. */
  css: string;
}

const NONE: AppAssets = { stylesheets: [], transcriptScript: null, css: '' };
const cache = new Map<string, AppAssets>();

interface ManifestEntry {
  file: string;
  css?: string[];
  isEntry?: boolean;
  name?: string;
}

/**
 * Reads the web build's manifest once per dist folder. Without a build (a server run alone),
 * the pages are still whole, only plainer.
 */
export function appAssets(dist: string | null): AppAssets {
  if (!dist) return NONE;
  const known = cache.get(dist);
  if (known) return known;
  let assets = NONE;
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<
      string,
      ManifestEntry
    >;
    const entries = Object.values(manifest).filter((e) => e.isEntry);
    const index = manifest['index.html'];
    const script = entries.find((e) => e.name === 'transcript');
    const css = index?.css ?? [];
    assets = {
      stylesheets: css.map((f) => `/${f}`),
      transcriptScript: script ? `/${script.file}` : null,
      css: css.map((f) => fs.readFileSync(path.join(dist, f), 'utf8')).join('\n'),
    };
  } catch {
    // No build or an older one without a manifest: plain pages.
  }
  cache.set(dist, assets);
  return assets;
}
