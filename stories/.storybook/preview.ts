import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../../packages/chiso/custom-elements.json';
import { installDemoFeeds } from './demo-feeds.js';

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
