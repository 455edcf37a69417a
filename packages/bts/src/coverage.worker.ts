/**
 * The coverage maths in a Web Worker: the page's main thread never runs a long task for it, even with
 * 100,000 sites. Boundaries are fetched and parsed here (from a URL) so no large object crosses threads;
 * sites and villages arrive packed in transferable typed arrays.
 */
import { coverageByCommune, coverageByOperator, villagesByArea, villagesCovered, type CoverageOptions, type Polygonal } from './coverage.js';
import { coverageBbox, drawCoverage, rasterFrame, type Canvas2D, type RasterFrame } from './coverage-raster.js';
import { unpackAreas, unpackSites, unpackVillages, type CoverageRequest } from './packing.js';
import { areasOf } from './areas.js';

const scope = self as unknown as { onmessage: ((e: MessageEvent<CoverageRequest>) => void) | null; postMessage(m: unknown, transfer?: Transferable[]): void };
const boundaryCache = new Map<string, Promise<Array<{ code: string; geometry: Polygonal }>>>();

async function areasFrom(request: CoverageRequest): Promise<Array<{ code: string; geometry: Polygonal }>> {
  if (request.packedAreas) return unpackAreas(request.packedAreas);
  if (request.areas) return request.areas;
  if (!request.areasUrl) return [];
  const key = `${request.areasUrl}|${request.joinKey ?? 'code'}`;
  if (!boundaryCache.has(key)) {
    boundaryCache.set(key, fetch(request.areasUrl).then(async (r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return areasOf(await r.json(), request.joinKey ?? 'code');
    }));
  }
  return boundaryCache.get(key)!;
}

scope.onmessage = async (e) => {
  const request = e.data;
  try {
    const sites = unpackSites(request.sites);
    const options: CoverageOptions = request.options ?? {};
    const areas = await areasFrom(request);
    const stats = coverageByCommune(sites, areas, options);
    if (request.perOperator) stats.byOperator = coverageByOperator(sites, areas, options);
    const villageList = request.villages ? unpackVillages(request.villages) : undefined;
    const villages = villageList ? (areas.length ? villagesByArea(sites, villageList, areas, options) : villagesCovered(sites, villageList, options)) : undefined;
    let image: ImageBitmap | undefined;
    let frame: RasterFrame | undefined;
    const box = request.raster && typeof OffscreenCanvas !== 'undefined' ? coverageBbox(sites, options, areas) : undefined;
    if (box) {
      frame = rasterFrame(box, request.raster!.maxPx);
      const canvas = new OffscreenCanvas(frame.width, frame.height);
      // A CPU canvas: where WebGL is software (no GPU), an accelerated one drew the same picture several times slower.
      const context = canvas.getContext('2d', { willReadFrequently: true });
      drawCoverage(context as unknown as Canvas2D, frame, sites, options, areas, request.raster!.color);
      image = canvas.transferToImageBitmap();
    }
    scope.postMessage({ id: request.id, stats, villages, image, frame }, image ? [image] : []);
  } catch (error) {
    scope.postMessage({ id: request.id, error: String((error as Error)?.message ?? error) });
  }
};
