// Runs before every test file (vitest.config.ts `setupFiles`): the temporary folders a file
// made through tests/infra/helpers.ts are removed once its tests are done.
import { afterAll } from 'vitest';
import { removeTempFolders } from './infra/helpers.js';

afterAll(removeTempFolders);
