/** @chiso/gauge: importing it registers `<chiso-gauge>`, `<chiso-gauge-group>`, `<chiso-stat>`, `<chiso-ranking>` and `<chiso-progress>`. */
import './define-gauge.js';
import './define-gauge-group.js';
import './define-stat.js';
import './define-ranking.js';
import './define-progress.js';

export { ChisoGauge, thresholdsConverter } from './chiso-gauge.js';
export { ChisoGaugeGroup } from './chiso-gauge-group.js';
export { ChisoStat } from './chiso-stat.js';
export * from './stat-model.js';
export { ChisoRanking } from './chiso-ranking.js';
export * from './ranking-model.js';
export { ChisoProgress, type ProgressSummary } from './chiso-progress.js';
export * from './progress-model.js';
export * from './gauge-model.js';
