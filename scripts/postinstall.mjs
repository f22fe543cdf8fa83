// After `npm install`: build the web app so `npm start` is ready in seconds.
// ZHIZAO_SKIP_WEB_BUILD=1 skips it (e.g. when only the server is needed).
import { buildWebIfStale } from './web-build.mjs';

if (process.env.ZHIZAO_SKIP_WEB_BUILD === '1') process.exit(0);
buildWebIfStale({ reason: 'postinstall' });
