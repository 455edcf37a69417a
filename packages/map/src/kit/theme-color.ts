/**
 * A colour the element's theme sets through a CSS custom property (`--_bubble`, `--chiso-map-outline`…), read
 * where MapLibre needs a value rather than CSS: paint properties and pictures. Read again whenever the theme
 * changes; `fallback` when the property is unset.
 */
export function themeColor(el: Element, name: string, fallback: string): string;
export function themeColor(el: Element, name: string): string | undefined;
export function themeColor(el: Element, name: string, fallback?: string): string | undefined {
  return getComputedStyle(el).getPropertyValue(name).trim() || fallback;
}
