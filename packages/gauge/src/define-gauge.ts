/** `@chiso/gauge/chiso-gauge`: importing it registers `<chiso-gauge>` alone (what chiso.js loads for that tag). */
import { defineElement } from '@chiso/core/element';
import { ChisoGauge } from './chiso-gauge.js';

export { ChisoGauge };

defineElement('chiso-gauge', ChisoGauge);
