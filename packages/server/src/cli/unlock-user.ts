import { unlockUser } from '../modules/accounts/users.service.ts';
import { CLI_ACTOR, onNamedAccount, runCli } from './cli-context.ts';

// Ends every login lock on an account, from every source — for the day the last security administrator is the
// one locked out. Run on the server, so it needs the server's access, not an account:
//   npm run users:unlock -- NAME

const USAGE = `用法 · Usage:
  npm run users:unlock -- USERNAME

解除该账号在所有来源地址上的登录锁定，并记入审计日志（操作人 cli）。
Ends the account's login lock from every source address, and records it in the audit log (actor cli).`;

async function unlock(argv: string[]): Promise<string> {
  return onNamedAccount(argv, USAGE, async (ctx, user) => {
    await unlockUser(ctx, CLI_ACTOR, user.id);
    return `已解锁 · Unlocked "${user.username}"`;
  });
}

await runCli('users:unlock', () => unlock(process.argv.slice(2)));
