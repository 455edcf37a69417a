import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../../packages/chiso/custom-elements.json';
import { installDemoFeeds } from './demo-feeds.js';
import { ChisoMap } from '@chiso/map';
// Vite bundles MapLibre without its worker file: point MapLibre at the worker Vite serves.
import { setWorkerUrl } from 'maplibre-gl';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

setWorkerUrl(maplibreWorkerUrl);
// Vite does not copy the atlas beside the bundle either: Storybook serves it at /atlas (see main.ts).
ChisoMap.atlasBase = 'atlas/';

setCustomElementsManifest(manifest);
installDemoFeeds();

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    controls: { expanded: true },
    backgrounds: { disable: true },
  },
  globalTypes: {
    lang: {
      description: 'Ngôn ngữ / Language',
      toolbar: { title: 'Lang', items: [{ value: 'vi', title: 'Tiếng Việt' }, { value: 'en', title: 'English' }], dynamicTitle: true },
    },
  },
  initialGlobals: { lang: 'vi' },
};
export default preview;
