import { loadConfig } from '../config.ts';
import { openAppContext } from '../bootstrap.ts';

// Walks the audit chain from the command line, for an auditor or a cron job; lists every bad entry:
//   npm run audit:verify        exit 0 when intact, 1 when an entry was edited, inserted or deleted.
const ctx = await openAppContext(loadConfig());
try {
  const result = await ctx.audit.verify(ctx.db);
  if (result.ok) {
    console.log(`审计日志完整 · Audit chain intact: ${result.checked} entries verified`);
  } else {
    console.error(
      `审计日志被篡改 · Audit chain broken at entry ${result.firstBadSeq} (${result.problem}); ${result.problemCount} problem(s) in ${result.checked} entries checked`,
    );
    for (const p of result.problems)
      console.error(`  entry ${p.seq}${p.toSeq !== undefined && p.toSeq !== p.seq ? `–${p.toSeq}` : ''}: ${p.kind}`);
    if (result.problemCount > result.problems.length) console.error(`  … and ${result.problemCount - result.problems.length} more`);
    process.exitCode = 1;
  }
} finally {
  await ctx.db.destroy();
}
