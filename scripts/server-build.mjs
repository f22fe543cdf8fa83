import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { newestMtime } from './web-build.mjs';

// The server for production: packages/server/src/main.ts and the domain package compiled into one ES module,
// packages/server/dist/main.js, run by plain Node (no TypeScript loader at run time). Packages from
// node_modules stay outside the bundle (native better-sqlite3, fonts and schemas read from their folders).

const root = path.resolve(import.meta.dirname, '..');
const entry = path.join(root, 'packages/server/src/main.ts');
export const serverBundle = path.join(root, 'packages/server/dist/main.js');

/** Bare imports stay imports, except the workspace's own packages, whose TypeScript sources are compiled in. */
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@zhizao/') ? undefined : { external: true, path: args.path }));
  },
};

/**
 * A module that finds files beside itself (`import.meta.dirname`: the EPCIS schemas, the repository root) still
 * finds them from the bundle: its folder, relative to the bundle's, is written in.
 */
const ownFolder = {
  name: 'own-folder',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8');
      if (!source.includes('import.meta.dirname')) return { contents: source, loader: 'ts' };
      const relative = path.relative(path.dirname(serverBundle), path.dirname(args.path)).split(path.sep).join('/');
      const folder = `(import.meta.dirname + ${JSON.stringify('/' + relative)})`;
      return { contents: source.replaceAll('import.meta.dirname', folder), loader: 'ts' };
    });
  },
};

export async function buildServer() {
  await build({
    entryPoints: [entry],
    outfile: serverBundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    plugins: [externalPackages, ownFolder],
  });
}

/** Builds the bundle when missing or older than any source file of the server or domain package. */
export async function buildServerIfStale({ reason }) {
  const builtAt = fs.existsSync(serverBundle) ? fs.statSync(serverBundle).mtimeMs : 0;
  const sourcesAt = Math.max(newestMtime(path.join(root, 'packages/server/src')), newestMtime(path.join(root, 'packages/domain/src')));
  if (builtAt > sourcesAt) return;
  console.log(`[zhizao] building the server (${reason}) …`);
  await buildServer();
}

if (process.argv[1] === import.meta.filename) await buildServer();
