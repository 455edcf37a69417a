/**
 * @chiso/chart: `<chiso-trend>` (an indicator over time as an accessible line chart). Importing this module
 * registers it. `@chiso/chart/geometry` is the chart maths (d3-shape paths, d3-array ticks), pure.
 */
import { defineElement } from '@chiso/core/element';
import { ChisoTrend } from './chiso-trend.js';

export { ChisoTrend };
export type { TrendPoint, TrendDetail } from './chiso-trend.js';
export { chartLayout, placeLabels, type ChartLayout, type ChartLayoutInput, type AxisLabel, type PlacedLabel } from './chart-geometry.js';

defineElement('chiso-trend', ChisoTrend);

declare global {
  interface HTMLElementTagNameMap {
    'chiso-trend': ChisoTrend;
  }
}
