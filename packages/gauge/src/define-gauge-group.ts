/** `@chiso/gauge/chiso-gauge-group`: importing it registers `<chiso-gauge-group>` and the `<chiso-gauge>` it draws. */
import { defineElement } from '@chiso/core/element';
import './define-gauge.js';
import { ChisoGaugeGroup } from './chiso-gauge-group.js';

export { ChisoGaugeGroup };

defineElement('chiso-gauge-group', ChisoGaugeGroup);
