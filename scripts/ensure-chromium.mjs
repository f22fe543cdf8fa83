// `npm test` runs browser tests in Debian's Chromium (never a downloaded browser). Where it is
// missing, install it with apt-get when running as root; otherwise stop and say how.
import { execSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { buildWebIfStale } from './web-build.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function install() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    console.error(
      `[zhizao] Chromium was not found at ${CHROMIUM}. The browser tests need Debian's Chromium:\n` +
        '    sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk\n' +
        'or set CHROMIUM_PATH to an installed Chromium, then run `npm test` again.',
    );
    process.exit(1);
  }
  console.log('[zhizao] installing Debian chromium for the browser tests …');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execSync('apt-get update -qq', { stdio: 'inherit', env });
  execSync('apt-get install -y -qq chromium fonts-noto-cjk', { stdio: 'inherit', env });
}

if (!fs.existsSync(CHROMIUM)) install();
if (!fs.existsSync(CHROMIUM)) {
  console.error(`[zhizao] Chromium is still missing at ${CHROMIUM} after installing.`);
  process.exit(1);
}
buildWebIfStale({ reason: 'pretest' });
