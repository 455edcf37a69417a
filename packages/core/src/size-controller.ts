import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The width an element is drawn at, kept up to date by a ResizeObserver while it is connected, so a chart can
 * lay itself out in real pixels (its text at the element's own font size) and again when its box changes.
 */
export class SizeController implements ReactiveController {
  /** Content width in CSS pixels; 0 until first measured. */
  width = 0;
  private observer?: ResizeObserver;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof ResizeObserver === 'undefined') return;
    this.observer ??= new ResizeObserver(([entry]) => {
      const w = Math.round(entry.contentRect.width);
      if (w && w !== this.width) {
        this.width = w;
        this.host.requestUpdate();
      }
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
  }

  /** The width to lay out at now: the observed one, else the box as it is, else `fallback`. */
  widthOr(fallback: number): number {
    return this.width || Math.round(this.host.getBoundingClientRect().width) || fallback;
  }
}
