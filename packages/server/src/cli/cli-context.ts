import { loadConfig } from '../config.ts';
import { openAppContext } from '../bootstrap.ts';
import type { AuditActor } from '../platform/audit.ts';
import type { AppContext } from '../platform/context.ts';
import { errorBody, type AppError } from '../platform/errors.ts';
import { CliError } from './cli-error.ts';

/** Who the audit log names for a change made at the server's command line. */
export const CLI_ACTOR: AuditActor = { userId: null, username: 'cli', role: null, ip: null };

/** The platform's context without the web server: the same config, database, audit key and settings. */
export async function openContext(): Promise<AppContext> {
  const config = loadConfig();
  try {
    return await openAppContext(config);
  } catch (error) {
    throw new CliError(`无法打开数据库 · Cannot open the database: ${(error as Error).message}`);
  }
}

/** An AppError (password policy, taken username) as one line in both languages. */
export const bilingual = (error: AppError) => `${errorBody(error, 'zh-CN').error.message} · ${errorBody(error, 'en').error.message}`;

/** Runs a command's main: its result on stdout; a CliError's message (and exit code) on stderr, anything else with its stack. */
export async function runCli(name: string, main: () => Promise<string>): Promise<void> {
  try {
    console.log(await main());
  } catch (error) {
    console.error(`${name}: ${error instanceof CliError ? error.message : (error as Error).stack}`);
    process.exitCode = error instanceof CliError ? error.exitCode : 1;
  }
}
