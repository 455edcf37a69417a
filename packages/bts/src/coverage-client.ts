/**
 * Runs the coverage maths in a module worker (one per page, started on first use, ended with
 * `disposeCoverageWorker`). Where workers are unavailable (a CSP without `worker-src 'self'`), it runs on
 * the main thread instead and says so in the result.
 */
import { areasOf } from './areas.js';
import { coverageByCommune, coverageByOperator, villagesByArea, villagesCovered, type CoverageOptions, type CoverageStats, type Polygonal, type Site, type VillageResult } from './coverage.js';
import { coverageBbox, drawCoverage, rasterFrame, type Canvas2D, type RasterFrame } from './coverage-raster.js';
import { packAreas, packSitesAsync, packVillages, type CoverageRequest } from './packing.js';

export interface CoverageJob {
  sites: Site[];
  villages?: Array<{ id: string; lon: number; lat: number }>;
  /** Boundaries to read in the worker (GeoJSON URL); or `areas` given directly. */
  areasUrl?: string;
  joinKey?: string;
  areas?: Array<{ code: string; geometry: Polygonal }>;
  options?: CoverageOptions;
  /** Also draw the coverage picture: at most `maxPx` on its longer side, in `color`. */
  raster?: { maxPx?: number; color?: string };
  /** Also the coverage of each operator alone. */
  perOperator?: boolean;
}

export interface CoverageResult {
  stats: CoverageStats;
  villages?: VillageResult;
  /** The coverage picture and where it lies (when `raster` was asked for and there was something to draw). */
  image?: ImageBitmap;
  frame?: RasterFrame;
  /** Where it ran. */
  ranIn: 'worker' | 'main-thread';
}

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, { job: CoverageJob; resolve: (r: CoverageResult) => void; reject: (e: Error) => void }>();
/** The worker could not start (a CSP without `worker-src 'self'`, a file:// page): stay on the main thread. */
let workerBroken = false;

function startWorker(): Worker | undefined {
  if (worker) return worker;
  if (typeof Worker === 'undefined' || workerBroken) return undefined;
  try {
    worker = new Worker(new URL('./coverage.worker.js', import.meta.url), { type: 'module', name: 'chiso-coverage' });
  } catch {
    return undefined;
  }
  worker.onmessage = (e: MessageEvent<{ id: number; stats?: CoverageStats; villages?: VillageResult; image?: ImageBitmap; frame?: RasterFrame; error?: string }>) => {
    const job = pending.get(e.data.id);
    if (!job) return;
    pending.delete(e.data.id);
    if (e.data.error) job.reject(new Error(e.data.error));
    else job.resolve({ stats: e.data.stats!, villages: e.data.villages, image: e.data.image, frame: e.data.frame, ranIn: 'worker' });
  };
  worker.onerror = (e) => {
    // The worker script failed to load or crashed: every job still waiting is done on the main thread.
    e.preventDefault?.();
    workerBroken = true;
    const waiting = [...pending.values()];
    pending.clear();
    worker?.terminate();
    worker = undefined;
    for (const p of waiting) computeOnMainThread(p.job).then(p.resolve, p.reject);
  };
  return worker;
}

/** Coverage stats (and villages) for a job, computed off the main thread. */
export async function computeCoverage(job: CoverageJob): Promise<CoverageResult> {
  const w = startWorker();
  if (!w) return computeOnMainThread(job);
  const id = nextId++;
  const sites = await packSitesAsync(job.sites);
  const villages = job.villages ? packVillages(job.villages) : undefined;
  const request: CoverageRequest = {
    id, sites, villages, areasUrl: job.areasUrl ? new URL(job.areasUrl, globalThis.location?.href).href : undefined,
    joinKey: job.joinKey, options: job.options, raster: job.raster, perOperator: job.perOperator,
  };
  const transfer: Transferable[] = [sites.numbers.buffer, sites.flags.buffer];
  if (job.areas) {
    const packed = packAreas(job.areas);
    request.packedAreas = packed;
    transfer.push(packed.coords.buffer, packed.ringSizes.buffer, packed.polyRings.buffer, packed.areaPolys.buffer);
  }
  if (villages) transfer.push(villages.coords.buffer);
  return new Promise((resolve, reject) => {
    pending.set(id, { job, resolve, reject });
    w.postMessage(request, transfer);
  });
}

async function computeOnMainThread(job: CoverageJob): Promise<CoverageResult> {
  let areas = job.areas ?? [];
  if (!job.areas && job.areasUrl) {
    areas = areasOf(await (await fetch(job.areasUrl)).json(), job.joinKey ?? 'code');
  }
  const stats = coverageByCommune(job.sites, areas, job.options);
  if (job.perOperator) stats.byOperator = coverageByOperator(job.sites, areas, job.options);
  const villages = job.villages
    ? areas.length ? villagesByArea(job.sites, job.villages, areas, job.options) : villagesCovered(job.sites, job.villages, job.options)
    : undefined;
  const result: CoverageResult = { stats, villages, ranIn: 'main-thread' };
  const box = job.raster && typeof OffscreenCanvas !== 'undefined' ? coverageBbox(job.sites, job.options ?? {}, areas) : undefined;
  if (box) {
    const frame = rasterFrame(box, job.raster!.maxPx);
    const canvas = new OffscreenCanvas(frame.width, frame.height);
    drawCoverage(canvas.getContext('2d', { willReadFrequently: true }) as unknown as Canvas2D, frame, job.sites, job.options, areas, job.raster!.color);
    result.image = canvas.transferToImageBitmap();
    result.frame = frame;
  }
  return result;
}

/** Ends the worker (an element calls this when the last user disconnects). */
export function disposeCoverageWorker(): void {
  worker?.terminate();
  worker = undefined;
  for (const job of pending.values()) job.reject(new DOMException('disposed', 'AbortError') as unknown as Error);
  pending.clear();
}

/** Whether a worker is running (for leak tests). */
export function coverageWorkerRunning(): boolean {
  return !!worker;
}
