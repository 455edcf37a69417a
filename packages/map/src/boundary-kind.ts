/** Small helpers about boundaries that the elements need before MapLibre and the readers are loaded. */

/** The property every boundary feature gets: its join key as a normalized string. */
export const CODE_PROP = 'chiso_code';
/** The property holding the area's display name. */
export const NAME_PROP = 'chiso_name';

/** How a `boundaries` URL is to be read: a vector source (PMTiles or an XYZ template) or a file. */
export function boundariesKind(url: string): 'pmtiles' | 'xyz' | 'file' {
  if (/^pmtiles:\/\//i.test(url) || /\.pmtiles(\?|#|$)/i.test(url)) return 'pmtiles';
  if (/\{z\}/.test(url) && /\{x\}/.test(url) && /\{y\}/.test(url)) return 'xyz';
  return 'file';
}
