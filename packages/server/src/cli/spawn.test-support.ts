import { spawn } from 'node:child_process';
import path from 'node:path';

// Runs the platform's own entry points as child processes, the way an operator does: `node --import tsx`
// is what `tsx` does, in one process, so the pid we hold is the one to stop.
export const REPO_ROOT = path.resolve(import.meta.dirname, '../../../..');

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a TypeScript entry point (path from the repo root) to its end, feeding `input` on stdin. */
export function runScript(script: string, args: string[], env: Record<string, string>, input = ''): Promise<ProcessResult> {
  return runCommand(process.execPath, ['--import', 'tsx', script, ...args], env, input);
}

export function runCommand(command: string, args: string[], env: Record<string, string>, input = ''): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

export interface RunningPlatform {
  url: string;
  /** From spawn to "ready" in the log. */
  readyMs: number;
  /** Everything it has printed so far. */
  readonly log: string;
  stop(): Promise<void>;
  /** `kill -9`: no close hook runs, as when the machine loses power. */
  kill(): Promise<void>;
}

/**
 * Starts `packages/server/src/main.ts` (or another entry, such as the production bundle) on a free port and waits
 * (at most `timeoutMs`) until it is ready.
 */
export function startPlatform(
  env: Record<string, string>,
  timeoutMs = 30_000,
  entry: string[] = ['--import', 'tsx', 'packages/server/src/main.ts'],
): Promise<RunningPlatform> {
  const started = performance.now();
  const child = spawn(process.execPath, entry, {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      DATABASE_URL: '',
      ZHIZAO_WEB_DIST: '',
      LOG_LEVEL: 'info',
      PORT: '0',
      HOST: '127.0.0.1',
      HANDLE_PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  return new Promise((resolve, reject) => {
    let log = '';
    let url: string | null = null;
    const timer = setTimeout(() => void stop().then(() => reject(new Error(`not ready within ${timeoutMs} ms:\n${log}`))), timeoutMs);
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      log += d.toString();
      url ??= /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(log)?.[1] ?? null;
      if (url && log.includes('is ready at')) {
        clearTimeout(timer);
        const readyMs = performance.now() - started;
        resolve({
          url,
          readyMs,
          get log() {
            return log;
          },
          stop,
          kill,
        });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`main.ts exited with ${code}:\n${log}`));
    });
  });
}
