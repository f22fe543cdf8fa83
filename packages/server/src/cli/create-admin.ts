import { parseArgs } from 'node:util';
import { ROLE_LABELS, type Role } from '@zhizao/domain';
import { findUserByUsername } from '../modules/accounts/users.repo.ts';
import { createUser } from '../modules/accounts/users.service.ts';
import { AppError } from '../platform/errors.ts';
import { bilingual, CLI_ACTOR, openContext, runCli } from './cli-context.ts';
import { CliError } from './cli-error.ts';
import { readPassword } from './password-input.ts';

// Creates the first administrator of a real install (ZHIZAO_DEMO=0 has no built-in account, gov-it.md §1):
//   npm run create-admin -- --username NAME --role bureau_admin|system_admin|security_admin|audit_admin [--display-name X]
// The password comes from ZHIZAO_ADMIN_PASSWORD or standard input, never from the command line, where
// `ps` and the shell history would keep it.

const ADMIN_ROLES = ['bureau_admin', 'system_admin', 'security_admin', 'audit_admin'] as const satisfies readonly Role[];
type AdminRole = (typeof ADMIN_ROLES)[number];
/** The same rule as the account API's. */
const USERNAME = /^[A-Za-z0-9_.-]{3,64}$/;

const USAGE = `用法 · Usage:
  npm run create-admin -- --username NAME --role ${ADMIN_ROLES.join('|')} [--display-name NAME]

密码取自环境变量 ZHIZAO_ADMIN_PASSWORD，否则从标准输入读取（终端中输入时不回显）。
The password is read from ZHIZAO_ADMIN_PASSWORD, or else from standard input (not echoed at a terminal).
数据库与数据目录同平台本身：DATABASE_URL、ZHIZAO_SQLITE_PATH、ZHIZAO_DATA_DIR。
The database and data folder are the platform's own: DATABASE_URL, ZHIZAO_SQLITE_PATH, ZHIZAO_DATA_DIR.`;

interface Options {
  username: string;
  role: AdminRole;
  displayName: string;
}

function parseOptions(argv: string[]): Options | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        username: { type: 'string' },
        role: { type: 'string' },
        'display-name': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${USAGE}`, 2);
  }
  if (values.help) return 'help';
  const username = values.username?.trim() ?? '';
  if (!username) throw new CliError(`缺少 --username · --username is required\n\n${USAGE}`, 2);
  if (!USERNAME.test(username))
    throw new CliError('用户名须为 3–64 位字母、数字或 _ . - · The username must be 3–64 letters, digits or _ . -', 2);
  const role = values.role as AdminRole;
  if (!ADMIN_ROLES.includes(role))
    throw new CliError(`--role 须为 ${ADMIN_ROLES.join('、')} 之一 · --role must be one of ${ADMIN_ROLES.join(', ')}\n\n${USAGE}`, 2);
  const displayName = values['display-name']?.trim() || ROLE_LABELS[role].zh;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
  if (displayName.length > 64 || /[\u0000-\u001F\u007F]/.test(displayName)) {
    throw new CliError('显示名称最多 64 个字符，且不含控制字符 · The display name has at most 64 characters and no control characters', 2);
  }
  return { username, role, displayName };
}

async function createAdmin(argv: string[]): Promise<string> {
  const options = parseOptions(argv);
  if (options === 'help') return USAGE;
  const ctx = await openContext();
  try {
    // Before asking for the password, so nobody types one for nothing.
    if (await findUserByUsername(ctx.db, options.username)) throw new AppError(409, 'user.usernameTaken', { username: options.username });
    const password = await readPassword(process.env.ZHIZAO_ADMIN_PASSWORD);
    const user = await createUser(ctx, CLI_ACTOR, {
      username: options.username,
      displayName: options.displayName,
      password,
      role: options.role,
    });
    return `已创建账号 · Created account "${user.username}" (${user.role}, id ${user.id}) in ${ctx.dialect === 'sqlite' ? ctx.config.sqlitePath : 'PostgreSQL'}`;
  } catch (error) {
    if (error instanceof AppError) throw new CliError(bilingual(error));
    throw error;
  } finally {
    await ctx.db.destroy();
  }
}

await runCli('create-admin', () => createAdmin(process.argv.slice(2)));
