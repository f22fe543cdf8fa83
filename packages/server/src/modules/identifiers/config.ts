// The node's own settings, read from the environment like config.ts does, kept in this module.

export interface IdentifierConfig {
  /** The secondary node's prefix. `88.999` is a demo value, not a prefix the national top-level node allocated. */
  nodePrefix: string;
  /** True while the demo value is in use (the web shows a notice). */
  demoPrefix: boolean;
  /** Resolutions held in the in-process cache: the hot identifiers (a large cache of cold ones only churns the old generation). */
  cacheSize: number;
  /** How often buffered statistics are written (ms). */
  statsFlushMs: number;
}

export const DEMO_NODE_PREFIX = '88.999';

export function identifierConfig(env: NodeJS.ProcessEnv = process.env): IdentifierConfig {
  const nodePrefix = env.ZHIZAO_ID_NODE_PREFIX?.trim() || DEMO_NODE_PREFIX;
  return {
    nodePrefix,
    demoPrefix: nodePrefix === DEMO_NODE_PREFIX,
    cacheSize: Number(env.ZHIZAO_ID_CACHE_SIZE ?? 10_000),
    statsFlushMs: Number(env.ZHIZAO_ID_STATS_FLUSH_MS ?? 5_000),
  };
}
