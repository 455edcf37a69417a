/**
 * How many WebGL contexts chiso maps hold at once on a page. Browsers keep about 16 and silently take the
 * oldest away when a page asks for more, which on a dashboard of many maps would blank one map after
 * another. chiso stays under the limit instead: when a map needs a context and the budget is spent, the map
 * that has been out of view longest gives its context back (it is re-created, at the same view, when it is
 * scrolled to again); if every holder is in view, the newcomer waits, saying so, until one is released.
 */

export interface BudgetMember {
  /** Whether the map is in (or near) the viewport now. */
  readonly inView: boolean;
  /** When it was last in view (performance.now()). */
  readonly lastSeen: number;
  /** Gives the context back (keeps its view and data for later). */
  suspend(): void;
  /** A context is free for it now. */
  granted(): void;
}

/** Contexts chiso maps may hold together; a page can lower or raise it (`ChisoMap.maxContexts`). */
export const budget = { max: 12 };

const holders = new Set<BudgetMember>();
const waiting: BudgetMember[] = [];

/** Asks for a context: true when granted now; false when the member must wait for `granted()`. */
export function requestContext(member: BudgetMember): boolean {
  if (holders.has(member)) return true;
  if (holders.size >= budget.max) {
    const idle = [...holders].filter((h) => !h.inView).sort((a, b) => a.lastSeen - b.lastSeen)[0];
    if (!idle) {
      if (!waiting.includes(member)) waiting.push(member);
      return false;
    }
    holders.delete(idle);
    idle.suspend();
  }
  holders.add(member);
  const w = waiting.indexOf(member);
  if (w >= 0) waiting.splice(w, 1);
  return true;
}

/** Gives a context back (disconnect, suspend); a waiting map in view gets it. */
export function releaseContext(member: BudgetMember): void {
  const w = waiting.indexOf(member);
  if (w >= 0) waiting.splice(w, 1);
  if (!holders.delete(member)) return;
  const next = waiting.find((m) => m.inView) ?? waiting[0];
  if (next) {
    waiting.splice(waiting.indexOf(next), 1);
    holders.add(next);
    next.granted();
  }
}

/** Contexts held now (tests, diagnostics). */
export function contextsHeld(): number {
  return holders.size;
}
