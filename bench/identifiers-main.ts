import { runIdentifiersBench } from './identifiers.ts';

// The identifier bench's own process (forked by runIdentifiersBenchAsDeployed with the node's heap cap): runs the
// bench and hands the result to the parent.
const options = JSON.parse(process.argv[2] ?? '{}') as Parameters<typeof runIdentifiersBench>[1];
const result = await runIdentifiersBench((line) => console.log(`· ${line}`), options);
process.send?.(result);
process.disconnect?.();
