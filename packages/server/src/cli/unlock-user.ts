import { findUserByUsername } from '../modules/accounts/users.repo.ts';
import { unlockUser } from '../modules/accounts/users.service.ts';
import { AppError } from '../platform/errors.ts';
import { bilingual, CLI_ACTOR, openContext, runCli } from './cli-context.ts';
import { CliError } from './cli-error.ts';

// Ends every login lock on an account, from every source — for the day the last security administrator is the
// one locked out. Run on the server, so it needs the server's access, not an account:
//   npm run users:unlock -- NAME

const USAGE = `用法 · Usage:
  npm run users:unlock -- USERNAME

解除该账号在所有来源地址上的登录锁定，并记入审计日志（操作人 cli）。
Ends the account's login lock from every source address, and records it in the audit log (actor cli).`;

async function unlock(argv: string[]): Promise<string> {
  if (argv.includes('--help') || argv.includes('-h')) return USAGE;
  if (argv.length !== 1 || !argv[0]!.trim()) throw new CliError(`须给出一个用户名 · Give one username\n\n${USAGE}`, 2);
  const username = argv[0]!.trim();
  const ctx = await openContext();
  try {
    const user = await findUserByUsername(ctx.db, username);
    if (!user) throw new AppError(404, 'user.notFound');
    await unlockUser(ctx, CLI_ACTOR, user.id);
    return `已解锁 · Unlocked "${user.username}"`;
  } catch (error) {
    if (error instanceof AppError) throw new CliError(bilingual(error));
    throw error;
  } finally {
    await ctx.db.destroy();
  }
}

await runCli('users:unlock', () => unlock(process.argv.slice(2)));
