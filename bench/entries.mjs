// What each size row bundles. Every entry goes through the same rollup + terser + gzip -9.
export const sizeEntries = [
  { name: 'lit (reference)', code: `export { LitElement, html, css, svg } from 'lit';` },
  // Each tag as chiso.js loads it (one define module): the element and core, lit included.
  { name: 'chiso core+gauge (lit included)', code: `export * from '@chiso/gauge/chiso-gauge';` },
  { name: 'chiso core+stat (lit included)', code: `export * from '@chiso/gauge/chiso-stat';` },
  { name: 'chiso core+ranking (lit included)', code: `export * from '@chiso/gauge/chiso-ranking';` },
  { name: 'chiso core+progress (lit included)', code: `export * from '@chiso/gauge/chiso-progress';` },
  {
    name: 'ECharts gauge (tree-shaken, canvas)',
    // Only what the page calls is exported, so tree-shaking keeps no more than a gauge needs.
    code: `import { init, use } from 'echarts/core';
import { GaugeChart } from 'echarts/charts';
import { TitleComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
use([GaugeChart, TitleComponent, CanvasRenderer]);
export { init };`,
  },
  {
    name: 'ECharts geo map (tree-shaken, canvas)',
    code: `import { init, use, registerMap } from 'echarts/core';
import { MapChart } from 'echarts/charts';
import { VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
use([MapChart, VisualMapComponent, CanvasRenderer]);
export { init, registerMap };`,
  },
  {
    name: 'ECharts bar chart (tree-shaken, canvas)',
    code: `import { init, use } from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TitleComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
use([BarChart, GridComponent, TitleComponent, CanvasRenderer]);
export { init };`,
  },
];
