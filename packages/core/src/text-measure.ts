/** Widths of text in an element's own font, for charts that lay out their labels before drawing them (browser only). */
let canvas: HTMLCanvasElement | OffscreenCanvas | undefined;

/**
 * A function giving the width in CSS pixels of a text at `sizePx` in the element's font family (and weight),
 * measured on a canvas, so axis labels can be placed where they fit.
 */
export function textMeasurer(el: Element, sizePx: number, weight = '400'): (text: string) => number {
  const style = getComputedStyle(el);
  canvas ??= typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(1, 1) : document.createElement('canvas');
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
  const font = `${weight} ${sizePx}px ${style.fontFamily || 'sans-serif'}`;
  const cache = new Map<string, number>();
  return (text: string) => {
    let w = cache.get(text);
    if (w === undefined) {
      if (ctx) {
        ctx.font = font;
        w = ctx.measureText(text).width;
      } else w = text.length * sizePx * 0.6;
      cache.set(text, w);
    }
    return w;
  };
}
