import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const web = path.join(root, 'packages/web');
const builtIndex = path.join(web, 'dist/index.html');

export function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds packages/web when dist is missing or older than any source file of the web or domain package. */
export function buildWebIfStale({ reason }) {
  if (!fs.existsSync(path.join(web, 'vite.config.ts'))) return;
  const builtAt = fs.existsSync(builtIndex) ? fs.statSync(builtIndex).mtimeMs : 0;
  const sourcesAt = Math.max(
    newestMtime(path.join(web, 'src')),
    fs.statSync(path.join(web, 'index.html')).mtimeMs,
    newestMtime(path.join(root, 'packages/domain/src')),
  );
  if (builtAt > sourcesAt) return;
  console.log(`[zhizao] building the web app (${reason}) …`);
  const result = spawnSync('npm', ['run', 'build', '-w', '@zhizao/web'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('[zhizao] the web build failed; see the output above.');
    process.exit(result.status ?? 1);
  }
}
