import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions } from 'vite';

// Lives in stories/.storybook so the repository's top level stays as agreed; run with `-c stories/.storybook`.
const config: StorybookConfig = {
  stories: ['../*.mdx', '../*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  staticDirs: [{ from: '../../examples/feeds', to: '/feeds' }, { from: '../../examples/data', to: '/data' }, { from: '../../packages/atlas/data', to: '/atlas' },
    { from: '../../packages/chiso/dist/vendor', to: '/vendor' }],
  async viteFinal(config) {
    // Stories run the TypeScript sources (the `source` export condition), like the tests.
    config.resolve ??= {};
    config.resolve.conditions = ['source', ...defaultClientConditions];
    return config;
  },
};
export default config;
