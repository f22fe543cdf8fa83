import { loadConfig } from '../config.ts';
import { openAppContext } from '../bootstrap.ts';
import type { AuditActor } from '../platform/audit.ts';
import type { AppContext } from '../platform/context.ts';
import { findUserByUsername } from '../modules/accounts/users.repo.ts';
import { AppError, errorBody } from '../platform/errors.ts';
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

/**
 * A command that acts on one account named on its command line (`users:unlock`, `users:reset-password`): the usage on
 * --help, exit 2 without exactly one username, the account looked up before `act` runs, platform errors in both
 * languages, and the database closed however it ends.
 */
export async function onNamedAccount(
  argv: string[],
  usage: string,
  act: (ctx: AppContext, user: { id: number; username: string }) => Promise<string>,
): Promise<string> {
  if (argv.includes('--help') || argv.includes('-h')) return usage;
  if (argv.length !== 1 || !argv[0]!.trim()) throw new CliError(`须给出一个用户名 · Give one username\n\n${usage}`, 2);
  const ctx = await openContext();
  try {
    const user = await findUserByUsername(ctx.db, argv[0]!.trim());
    if (!user) throw new AppError(404, 'user.notFound');
    return await act(ctx, user);
  } catch (error) {
    if (error instanceof AppError) throw new CliError(bilingual(error));
    throw error;
  } finally {
    await ctx.db.destroy();
  }
}
