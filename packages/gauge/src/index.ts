/** @chiso/gauge: importing it registers `<chiso-gauge>` and `<chiso-gauge-group>`. */
import './define-gauge.js';
import './define-gauge-group.js';

export { ChisoGauge, thresholdsConverter } from './chiso-gauge.js';
export { ChisoGaugeGroup } from './chiso-gauge-group.js';
export * from './gauge-model.js';
