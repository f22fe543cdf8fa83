import { loadConfig } from '../config.ts';
import { openAppContext } from '../bootstrap.ts';

// Walks the audit chain from the command line, for an auditor or a cron job:
//   npm run audit:verify        exit 0 when intact, 1 when an entry was edited, inserted or deleted.
const ctx = await openAppContext(loadConfig());
try {
  const result = await ctx.audit.verify(ctx.db);
  if (result.ok) {
    console.log(`审计日志完整 · Audit chain intact: ${result.checked} entries verified`);
  } else {
    console.error(
      `审计日志被篡改 · Audit chain broken at entry ${result.firstBadSeq} (${result.problem}); ${result.checked} entries before it verified`,
    );
    process.exitCode = 1;
  }
} finally {
  await ctx.db.destroy();
}
