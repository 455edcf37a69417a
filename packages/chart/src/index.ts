/**
 * @chiso/chart: `<chiso-trend>` (indicators over time as an accessible line or bar chart that compares). Importing this module
 * registers it. `@chiso/chart/geometry` is the chart maths (d3-shape paths, d3-array ticks), pure.
 */
import { defineElement } from '@chiso/core/element';
import { ChisoTrend } from './chiso-trend.js';

export { ChisoTrend };
export type { TrendPoint, TrendSeries, TrendDetail } from './chiso-trend.js';
export { pickSeries, comparedPoint, listOf, type TrendSelection } from './trend-model.js';
export { chartLayout, placeLabels, type ChartLayout, type ChartLayoutInput, type AxisLabel, type PlacedLabel } from './chart-geometry.js';

defineElement('chiso-trend', ChisoTrend);

declare global {
  interface HTMLElementTagNameMap {
    'chiso-trend': ChisoTrend;
  }
}
