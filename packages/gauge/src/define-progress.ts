/** `@chiso/gauge/chiso-progress`: importing it registers `<chiso-progress>` alone (what chiso.js loads for that tag). */
import { defineElement } from '@chiso/core/element';
import { ChisoProgress } from './chiso-progress.js';

export { ChisoProgress };

defineElement('chiso-progress', ChisoProgress);

declare global {
  interface HTMLElementTagNameMap {
    'chiso-progress': ChisoProgress;
  }
}
