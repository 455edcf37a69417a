/** @chiso/gauge: importing it registers `<chiso-gauge>` and `<chiso-gauge-group>`. */
import { defineElement } from '@chiso/core/element';
import { ChisoGauge } from './chiso-gauge.js';
import { ChisoGaugeGroup } from './chiso-gauge-group.js';

export { ChisoGauge, thresholdsConverter } from './chiso-gauge.js';
export { ChisoGaugeGroup } from './chiso-gauge-group.js';
export * from './gauge-model.js';

defineElement('chiso-gauge', ChisoGauge);
defineElement('chiso-gauge-group', ChisoGaugeGroup);
