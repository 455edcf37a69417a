// `node --conditions=source --import ./test/support/register-ts.mjs`: pure modules tested from source.
import { register } from 'node:module';

register('./ts-hooks.mjs', import.meta.url);
