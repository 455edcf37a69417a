/** `@chiso/gauge/chiso-ranking`: importing it registers `<chiso-ranking>` alone (what chiso.js loads for that tag). */
import { defineElement } from '@chiso/core/element';
import { ChisoRanking } from './chiso-ranking.js';

export { ChisoRanking };

defineElement('chiso-ranking', ChisoRanking);

declare global {
  interface HTMLElementTagNameMap {
    'chiso-ranking': ChisoRanking;
  }
}
