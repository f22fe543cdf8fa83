import { resetPassword } from '../modules/accounts/users.service.ts';
import { CLI_ACTOR, onNamedAccount, runCli } from './cli-context.ts';
import { readPassword } from './password-input.ts';

// Sets a new password on any account, the three separated administrators included: the platform refuses that to
// the other two (三员分立), so it is done with the server's access, audited as `cli`, and ends the account's
// sessions and login locks:
//   npm run users:reset-password -- USERNAME     (password from ZHIZAO_ADMIN_PASSWORD or standard input)

const USAGE = `用法 · Usage:
  npm run users:reset-password -- USERNAME

新密码取自环境变量 ZHIZAO_ADMIN_PASSWORD，否则从标准输入读取（终端中输入时不回显）；须符合密码策略。
The new password is read from ZHIZAO_ADMIN_PASSWORD, or else from standard input (not echoed at a terminal);
it must meet the password policy. The account's sessions and login locks end; the audit log names the actor cli.`;

async function reset(argv: string[]): Promise<string> {
  // the account is looked up before the password is asked for, so nobody types one for nothing
  return onNamedAccount(argv, USAGE, async (ctx, user) => {
    const password = await readPassword(process.env.ZHIZAO_ADMIN_PASSWORD);
    await resetPassword(ctx, CLI_ACTOR, user.id, password, { fromCommandLine: true });
    return `已重置密码 · Password reset for "${user.username}"`;
  });
}

await runCli('users:reset-password', () => reset(process.argv.slice(2)));
