// `npm start`: make sure the web app and the server bundle are built, then run the compiled server with Node.
import { spawn } from 'node:child_process';
import { buildServerIfStale, serverBundle } from './server-build.mjs';
import { buildWebIfStale } from './web-build.mjs';

buildWebIfStale({ reason: 'start' });
await buildServerIfStale({ reason: 'start' });
const server = spawn(process.execPath, ['--enable-source-maps', serverBundle], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
