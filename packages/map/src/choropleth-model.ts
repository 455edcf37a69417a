/**
 * Joining a feed to boundary codes and classing it: everything a choropleth shows, without the DOM.
 */
import {
  bandsOf, comparePeriods, isAggregateLevel, rankValues, resolveIndicator, thresholdsOf,
  type Band, type FeedModel, type Indicator, type Observation,
} from '@chiso/core';
import { classBreaks, classIndex, DEFAULT_CLASSES, THRESHOLD_CLASSES, type ClassSpec } from './classify.js';
import { bandColors, colorOfValue, type BandColors } from '@chiso/core/colors';
import { noDataColor, paletteColors } from './palette.js';

export { bandColors, DEFAULT_BAND_COLORS, type BandColors } from '@chiso/core/colors';

export interface ChoroplethOptions {
  indicator?: string;
  period?: string;
  classes?: ClassSpec;
  palette?: string;
  reverse?: boolean;
  noData?: string;
  /** Codes of the boundary areas; unset for a vector source (every code is taken as drawable). */
  known?: ReadonlySet<string> | ReadonlyMap<string, unknown>;
  /** Class breaks from every period (`all`, default: colours mean the same over time) or the shown one. */
  breaksOver?: 'all' | 'period';
  /** Colours of the good, fair and bad bands when classes are the indicator's thresholds (the gauge's, by default). */
  bands?: Partial<BandColors>;
}

export interface AreaValue {
  code: string;
  name?: string;
  value: number | null;
  numerator?: number;
  denominator?: number;
}

export interface Legend {
  /** Lower bounds (inclusive) of every class but the first, as `d3.scaleThreshold`'s domain. */
  breaks: number[];
  /** One colour per class, lowest first. */
  colors: string[];
  /** Fill of areas without data. */
  noData: string;
  /** With threshold classes: what each class means (good, fair, bad), as on a gauge. */
  bands?: Band[];
}

export interface ChoroplethView {
  indicator?: Indicator;
  /** Every period with data, oldest first. */
  periods: string[];
  period?: string;
  /** Values of the shown period for the codes that match the boundaries, by code. */
  values: Map<string, AreaValue>;
  legend: Legend;
  /** Rank of each code with a value: 1 is the best area by the indicator's direction. */
  ranks: Map<string, number>;
  /** Codes in the feed (this indicator) that are not on the map. */
  unknownCodes: string[];
  /** The level drawn, and levels left out when the feed mixes levels. */
  level?: string;
  otherLevels: string[];
}

const LEVEL_BY_DIGITS: Record<number, string> = { 2: 'province', 3: 'district', 5: 'commune' };
const levelOf = (o: Observation): string => o.level ?? LEVEL_BY_DIGITS[o.area.length] ?? 'other';

/** Builds what a choropleth draws from a parsed feed. */
export function buildChoropleth(model: FeedModel | undefined, options: ChoroplethOptions = {}): ChoroplethView {
  const noData = options.noData || noDataColor(options.palette);
  const empty: ChoroplethView = {
    periods: [], values: new Map(), legend: { breaks: [], colors: [], noData }, ranks: new Map(), unknownCodes: [], otherLevels: [],
  };
  if (!model) return empty;
  const indicator = resolveIndicator(model, options.indicator);
  if (!indicator) return empty;
  const known = options.known;
  // The whole country, regions and areas that matched nothing (`x:…`) are never areas of a map.
  const all = model.observations.filter((o) => o.indicator === indicator.id && !isAggregateLevel(o.level) && !o.area.startsWith('x:'));
  // Which level to draw: the one whose codes match the boundaries most (the only one, usually).
  const byLevel = new Map<string, { obs: Observation[]; matched: number }>();
  for (const o of all) {
    const level = levelOf(o);
    let entry = byLevel.get(level);
    if (!entry) byLevel.set(level, (entry = { obs: [], matched: 0 }));
    entry.obs.push(o);
    if (!known || known.has(o.area)) entry.matched++;
  }
  let level: string | undefined;
  let best = -1;
  for (const [l, e] of byLevel) if (e.matched > best || (e.matched === best && e.obs.length > (byLevel.get(level!)?.obs.length ?? 0))) {
    best = e.matched;
    level = l;
  }
  const drawn = level ? byLevel.get(level)!.obs : [];
  const otherLevels = [...byLevel.keys()].filter((l) => l !== level && byLevel.get(l)!.obs.length);
  const unknown = new Set<string>();
  const matched: Observation[] = [];
  for (const o of drawn) {
    if (known && !known.has(o.area)) unknown.add(o.area);
    else matched.push(o);
  }
  const periods = [...new Set(matched.map((o) => o.period))].sort(comparePeriods);
  const period = options.period && periods.includes(options.period) ? options.period : latestWithValue(matched, periods);
  const values = new Map<string, AreaValue>();
  for (const o of matched) {
    if (o.period !== (period ?? o.period)) continue;
    values.set(o.area, { code: o.area, name: o.areaName, value: o.value, numerator: o.numerator, denominator: o.denominator });
  }
  const thresholds = thresholdsOf(indicator);
  // An indicator with thresholds is classed by them, as its gauge is, unless classes were asked for.
  const asked = options.classes ?? (thresholds.length ? THRESHOLD_CLASSES : DEFAULT_CLASSES);
  const spec = asked.method === 'thresholds' && thresholds.length ? { ...asked, breaks: thresholds, k: thresholds.length + 1 }
    : asked.method === 'thresholds' ? DEFAULT_CLASSES : asked;
  const pool = (options.breaksOver ?? 'all') === 'all' ? matched : matched.filter((o) => o.period === period);
  const breaks = classBreaks(
    pool.map((o) => o.value).filter((v): v is number => v != null),
    spec,
  );
  const direction = indicator.direction ?? 'higher-is-better';
  const bands = spec.method === 'thresholds' ? bandsOf(breaks, direction) : undefined;
  const colors = bands ? bandColors(bands, direction, options.bands) : paletteColors(options.palette, breaks.length + 1, options.reverse);
  const ranks = rankValues([...values.values()].map((v) => [v.code, v.value] as const), direction);
  return {
    indicator, periods, period, values, legend: { breaks, colors, noData, ...(bands ? { bands } : {}) }, ranks,
    unknownCodes: [...unknown].sort(), level, otherLevels,
  };
}

function latestWithValue(obs: Observation[], periods: string[]): string | undefined {
  for (let i = periods.length - 1; i >= 0; i--) if (obs.some((o) => o.period === periods[i] && o.value != null)) return periods[i];
  return periods[periods.length - 1];
}

/** The colour an area is filled with: its class colour, or the no-data colour. */
export function colorOf(view: ChoroplethView, code: string): string {
  return colorOfValue(view.values.get(code)?.value, view.legend.breaks, view.legend.colors, view.legend.noData);
}

/** The class of an area's value (undefined without data). */
export function classOf(view: ChoroplethView, code: string): number | undefined {
  const v = view.values.get(code)?.value;
  return v == null || !Number.isFinite(v) ? undefined : classIndex(v, view.legend.breaks);
}

/** Areas per class for the shown period, and those without data (`codes` defaults to the values'). */
export function classCounts(view: ChoroplethView, codes?: Iterable<string>): { counts: number[]; noData: number } {
  const counts = view.legend.colors.map(() => 0);
  let noData = 0;
  for (const code of codes ?? view.values.keys()) {
    const c = classOf(view, code);
    if (c === undefined) noData++;
    else counts[c]++;
  }
  return { counts, noData };
}
