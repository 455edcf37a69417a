/** `@chiso/gauge/chiso-stat`: importing it registers `<chiso-stat>` alone (what chiso.js loads for that tag). */
import { defineElement } from '@chiso/core/element';
import { ChisoStat } from './chiso-stat.js';

export { ChisoStat };

defineElement('chiso-stat', ChisoStat);

declare global {
  interface HTMLElementTagNameMap {
    'chiso-stat': ChisoStat;
  }
}
