/**
 * A map's place in the page's WebGL context budget (`../context-budget.ts`): it watches whether the map is in
 * view for the element's whole life (the first view creates the map; maps out of view give their context first),
 * asks for a context when the map should exist, waits saying so when none is free, and keeps the camera of a map
 * that gave its context back so it comes back to the same view.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { releaseContext, requestContext, type BudgetMember } from '../context-budget.js';

export interface ContextHolderHost extends ReactiveControllerHost, HTMLElement {
  /** Create the map at once rather than when it is first in view. */
  eager: boolean;
}

export interface ContextHolderOptions {
  /** Whether the map exists (or is being created). */
  exists(): boolean;
  /** A context is the map's: create it. */
  create(): void;
  /** The map needs no WebGL context (it draws on a 2D canvas): it is created without asking the budget. */
  contextFree?(): boolean;
  /** Every context is held by maps in view: say the map waits. */
  waiting(): void;
  /** Give the context back now (tear the map down), keeping its camera for later. */
  suspend(): void;
  /** The browser took the context away (the map says so) or gave it back (the map draws again). */
  lost(): void;
  restored(): void;
  /** The context did not come back in time: start the map over. */
  restart(): void;
}

/** How long MapLibre may take to restore a lost context before the map starts over. */
const CONTEXT_LOSS_GRACE_MS = 4000;

export class ContextHolder implements ReactiveController, BudgetMember {
  inView = false;
  lastSeen = 0;
  private waitingForContext = false;
  private intersection?: IntersectionObserver;
  private lostTimer?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: ContextHolderHost, private readonly o: ContextHolderOptions) {
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof IntersectionObserver === 'undefined') {
      this.inView = true;
      queueMicrotask(() => this.host.isConnected && this.start());
      return;
    }
    this.intersection = new IntersectionObserver((entries) => {
      this.inView = entries[entries.length - 1].isIntersecting;
      if (!this.inView) return;
      this.lastSeen = performance.now();
      if (!this.o.exists()) this.start();
    }, { rootMargin: '200px' });
    this.intersection.observe(this.host);
    if (this.host.eager) queueMicrotask(() => this.host.isConnected && this.start());
  }

  hostDisconnected(): void {
    this.intersection?.disconnect();
    this.intersection = undefined;
    this.waitingForContext = false;
  }

  /** Creates the map if the budget allows, else waits for a context, saying so. */
  start(): void {
    if (this.o.exists()) return;
    if (this.host.eager) this.lastSeen = performance.now();
    if (this.o.contextFree?.()) {
      releaseContext(this);
      this.o.create();
    } else if (requestContext(this)) {
      this.waitingForContext = false;
      this.o.create();
    } else if (!this.waitingForContext) {
      this.waitingForContext = true;
      this.o.waiting();
    }
  }

  /** The map went (disconnect, rebuild): its context is free for another. */
  release(): void {
    clearTimeout(this.lostTimer);
    releaseContext(this);
  }

  /** Follows `map`'s context: lost, then restored by MapLibre when the browser gives it back, or else the map starts over. */
  watchLoss(map: { on(type: 'webglcontextlost' | 'webglcontextrestored', f: () => void): unknown }): void {
    map.on('webglcontextlost', () => {
      this.o.lost();
      clearTimeout(this.lostTimer);
      this.lostTimer = setTimeout(() => this.host.isConnected && this.o.restart(), CONTEXT_LOSS_GRACE_MS);
    });
    map.on('webglcontextrestored', () => {
      clearTimeout(this.lostTimer);
      this.o.restored();
    });
  }

  /** @internal The budget asks for the context back. */
  suspend(): void {
    clearTimeout(this.lostTimer);
    this.o.suspend();
  }

  /** @internal A context is free for this map now. */
  granted(): void {
    this.waitingForContext = false;
    if (this.host.isConnected && !this.o.exists()) this.o.create();
  }
}
