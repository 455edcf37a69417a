/**
 * Time for the layers that have it (cases by day, the choropleth by period): a range over sorted ISO dates or
 * periods, the one shown, steps within the range, and playback. The range maths are pure functions (tested in
 * Node); `TimelineController` ties them to an element's properties and stops playing when it leaves the page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Indexes `[first, last]` of the range `from`…`to` in `dates` (sorted): `from` at the first date on or after
 * it, `to` at the last on or before it; either open end is the whole series; a reversed range is turned round.
 */
export function rangeIndexes(dates: readonly string[], from?: string, to?: string): [number, number] {
  const last = Math.max(0, dates.length - 1);
  const firstFrom = (d: string) => {
    let lo = 0;
    while (lo < dates.length && dates[lo] < d) lo++;
    return lo;
  };
  let a = from ? Math.min(firstFrom(from), last) : 0;
  let b = last;
  if (to) {
    const i = firstFrom(to);
    b = dates[i] === to ? i : Math.max(0, i - 1);
  }
  if (a > b) [a, b] = [b, a];
  return [a, b];
}

/** Index of `date` in `dates`, kept inside `range`; the range's end when `date` is unset or not a date of the series. */
export function indexWithin(dates: readonly string[], range: readonly [number, number], date?: string): number {
  const [a, b] = range;
  if (!date) return b;
  const i = dates.indexOf(date);
  return i < 0 ? b : Math.max(a, Math.min(b, i));
}

export interface TimelineOptions {
  /** The dates or periods, sorted. */
  dates(): readonly string[];
  /** The date shown (unset: the range's end). */
  current(): string | undefined;
  /** Shows a date: sets the element's own property (`date`, `period`). */
  show(date: string): void;
  /** The range's first and last dates; unset: open. */
  from?(): string | undefined;
  to?(): string | undefined;
  /** Milliseconds between steps while playing, read before each (a new speed applies at once). */
  interval(): number;
  /** Start again from the range's first date after the last (default: stop there). */
  loop?(): boolean;
  /** Called when playback starts or stops, for the element to show it. */
  changed?(playing: boolean): void;
}

export class TimelineController implements ReactiveController {
  private timer?: ReturnType<typeof setTimeout>;
  private running = false;

  constructor(private readonly host: ReactiveControllerHost & Element, private readonly o: TimelineOptions) {
    host.addController(this);
  }

  /** Indexes of the range's first and last dates. */
  range(): [number, number] {
    return rangeIndexes(this.o.dates(), this.o.from?.(), this.o.to?.());
  }

  /** Index of the date shown. */
  index(): number {
    return indexWithin(this.o.dates(), this.range(), this.o.current());
  }

  /** Shows the date at index `i` (nothing when it is already shown or out of the series). */
  showIndex(i: number): void {
    const date = this.o.dates()[i];
    if (date && date !== this.o.current()) this.o.show(date);
  }

  /** Moves the date shown by `delta` (negative: back), within the range. */
  step(delta: number): void {
    if (!this.o.dates().length) return;
    const [a, b] = this.range();
    this.showIndex(Math.max(a, Math.min(b, this.index() + delta)));
  }

  /** Whether the date shown is the range's last. */
  atEnd(): boolean {
    return this.index() >= this.range()[1];
  }

  get playing(): boolean {
    return this.running;
  }

  /** Plays from the date shown, one step per interval (a running playback takes the new interval). */
  start(): void {
    if (!this.running) {
      this.running = true;
      this.o.changed?.(true);
    }
    this.schedule();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.running) return;
    this.running = false;
    this.o.changed?.(false);
  }

  hostDisconnected(): void {
    this.stop();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (!this.host.isConnected) return this.stop();
    // An interval that is not a number (`play-interval="nhanh"`) plays at a second a step, never as fast as the page can.
    const ms = Number(this.o.interval());
    this.timer = setTimeout(() => {
      if (!this.running) return;
      // Asked to play before the data is read: it waits for the dates, playing, rather than stopping at once.
      if (!this.o.dates().length) return this.schedule();
      if (!this.atEnd()) this.step(1);
      else if (this.o.loop?.()) this.showIndex(this.range()[0]);
      else return this.stop();
      this.schedule();
    }, Number.isFinite(ms) && ms > 0 ? ms : 1000);
  }
}
