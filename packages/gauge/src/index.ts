/** @chiso/gauge: importing it registers `<chiso-gauge>`, `<chiso-gauge-group>` and `<chiso-stat>`. */
import './define-gauge.js';
import './define-gauge-group.js';
import './define-stat.js';

export { ChisoGauge, thresholdsConverter } from './chiso-gauge.js';
export { ChisoGaugeGroup } from './chiso-gauge-group.js';
export { ChisoStat } from './chiso-stat.js';
export * from './stat-model.js';
export * from './gauge-model.js';
