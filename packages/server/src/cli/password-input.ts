import { CliError } from './cli-error.ts';

// Where a command-line tool gets a password: an environment variable (for scripts), a pipe, or a
// terminal prompt that echoes nothing. Never an argument, which `ps` and shell history would keep.

const EMPTY =
  '密码为空：请设置 ZHIZAO_ADMIN_PASSWORD 或从标准输入提供 · No password: set ZHIZAO_ADMIN_PASSWORD or give it on standard input';

export async function readPassword(fromEnv: string | undefined): Promise<string> {
  let password: string;
  if (fromEnv) password = fromEnv;
  else if (process.stdin.isTTY) {
    password = await promptHidden('密码 · Password: ');
    if (password && (await promptHidden('再次输入 · Repeat: ')) !== password)
      throw new CliError('两次输入的密码不一致 · The two passwords differ');
  } else password = await firstLineOfStdin();
  if (!password) throw new CliError(EMPTY);
  return password;
}

async function firstLineOfStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

// Keystrokes after the Enter of one prompt (type-ahead, a paste) belong to the next prompt.
let typedAhead = '';

/** Reads a line in raw mode, echoing nothing; Backspace edits, Ctrl-C / Ctrl-D give up. */
function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string) => {
      const chars = [...chunk];
      for (let i = 0; i < chars.length; i++) {
        const ch = chars[i]!;
        if (ch === '\r' || ch === '\n') {
          typedAhead = chars.slice(chars[i + 1] === '\n' && ch === '\r' ? i + 2 : i + 1).join('');
          return (finish(), resolve(value));
        }
        if (ch === '\u0003' || ch === '\u0004') return (finish(), reject(new CliError('已取消 · Cancelled', 130)));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.on('data', onData);
    const pending = typedAhead;
    typedAhead = '';
    if (pending) onData(pending);
    if (stdin.listenerCount('data')) stdin.resume();
  });
}
