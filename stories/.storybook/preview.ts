import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../../packages/chiso/custom-elements.json';
import { installDemoFeeds } from './demo-feeds.js';
import { ChisoMap } from '@chiso/map';
// Vite bundles MapLibre without its worker file: point MapLibre at the worker the build copies beside chiso.js,
// served at /vendor (see main.ts) as a .js file, so the static Storybook runs on servers that do not know .mjs.
import { setWorkerUrl } from 'maplibre-gl';

setWorkerUrl(new URL('vendor/maplibre-gl-worker.js', document.baseURI).href);
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
