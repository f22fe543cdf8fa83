import SQLite from 'better-sqlite3';
import {
  compileTemplate,
  handleKey,
  prefixResolves,
  publicValues,
  splitHandle,
  type HandleValue,
  type TemplateChecker,
  type TemplateDefinition,
} from '@zhizao/domain';
import type { AppContext } from '../../platform/context.ts';
import { identifierConfig, type IdentifierConfig } from './config.ts';
import { Lru } from './lru.ts';
import { allPrefixOwners, identifierRow, templateRow, type IdentifierRow, type PrefixOwner } from './repo.ts';
import { StatsBuffer } from './stats.ts';

// The resolution core, one per app: the prefixes homed here (a small map, reloaded on every prefix change),
// an LRU of resolved identifiers (dropped key by key on every write, so it never serves stale values), a
// read-only SQLite connection with one prepared statement for cache misses, and the statistics buffer.
// The node runs as one process: the cache is correct because every write passes through it.

export interface ResolvedIdentifier {
  handle: string;
  handleKey: string;
  prefix: string;
  enterpriseId: number;
  templateVersion: string | null;
  readonly values: HandleValue[];
  /** The anonymous Handle.Net answer, serialised once. */
  readonly publicBody: string;
  createdAt: string;
  updatedAt: string;
}

// A stored value that is not publicly readable: its permissions' third bit is 0.
const NOT_PUBLIC = /"permissions":"[01]{2}0/;

/** A resolved row; values are parsed only when someone needs them (filters, an authorised caller). */
class Resolved implements ResolvedIdentifier {
  readonly handle: string;
  readonly handleKey: string;
  readonly templateVersion: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  private parsed: HandleValue[] | null = null;
  private body: string | null = null;

  constructor(
    private readonly row: IdentifierRow,
    readonly prefix: string,
    readonly enterpriseId: number,
  ) {
    this.handle = row.handle;
    this.handleKey = row.handleKey;
    this.templateVersion = row.templateVersion;
    this.createdAt = row.createdAt;
    this.updatedAt = row.updatedAt;
  }

  get values(): HandleValue[] {
    return (this.parsed ??= JSON.parse(this.row.valuesJson) as HandleValue[]);
  }

  get publicBody(): string {
    // stored values are already in Handle.Net's JSON shape: when all are public the answer is a concatenation
    this.body ??= NOT_PUBLIC.test(this.row.valuesJson)
      ? JSON.stringify({ responseCode: 1, handle: this.handle, values: publicValues(this.values) })
      : `{"responseCode":1,"handle":${JSON.stringify(this.handle)},"values":${this.row.valuesJson}}`;
    return this.body;
  }
}

const nodes = new WeakMap<AppContext, IdentifierNode>();

export function identifierNode(ctx: AppContext): IdentifierNode {
  let node = nodes.get(ctx);
  if (!node) nodes.set(ctx, (node = new IdentifierNode(ctx)));
  return node;
}

export class IdentifierNode {
  readonly config: IdentifierConfig;
  readonly stats = new StatsBuffer();
  private prefixes = new Map<string, PrefixOwner>();
  /** Verified API credentials (SM3 of user and secret) → enterprise, for a minute: keeps write requests off scrypt-free but DB-bound checks. */
  readonly verified = new Lru<string, { enterpriseId: number; keyId: string; until: number }>(1_000);
  private readonly cache: Lru<string, ResolvedIdentifier>;
  private readonly checkers = new Lru<string, TemplateChecker>(1_000);
  private reader: { db: SQLite.Database; get: (key: string) => IdentifierRow | undefined } | null = null;
  private timer: NodeJS.Timeout | null = null;
  private misses = 0;

  constructor(private readonly ctx: AppContext) {
    this.config = identifierConfig();
    this.cache = new Lru(this.config.cacheSize);
  }

  /** Loads the prefixes, opens the read connection and starts the periodic statistics flush. */
  async start(): Promise<void> {
    await this.reloadPrefixes();
    const path = this.ctx.config.sqlitePath;
    if (this.ctx.dialect === 'sqlite' && path !== ':memory:') {
      const db = new SQLite(path, { readonly: true, fileMustExist: true });
      // the B-tree's upper levels and hot leaves stay in this connection's page cache (SQLite's default is 2 MB), and
      // reads of the first 256 MB go through the OS's page cache by mmap (no read() and copy per page; pages are shared)
      db.pragma('cache_size = -32768');
      db.pragma('mmap_size = 268435456');
      const statement = db.prepare<[string], IdentifierRow>(
        'select handle_key as handleKey, handle, template_version as templateVersion, values_json as valuesJson, created_at as createdAt, updated_at as updatedAt from id_identifier where handle_key = ?',
      );
      this.reader = { db, get: (key) => statement.get(key) };
    }
    this.timer = setInterval(() => void this.flushStats().catch(() => undefined), this.config.statsFlushMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flushStats().catch(() => undefined);
    this.reader?.db.close();
    this.reader = null;
  }

  flushStats(): Promise<void> {
    return this.stats.flush(this.ctx.db);
  }

  async reloadPrefixes(): Promise<void> {
    const rows = await allPrefixOwners(this.ctx.db);
    this.prefixes = new Map(rows.map((r) => [r.prefix, r]));
  }

  /** The owner of a prefix homed here (active or suspended), by upper-cased prefix. */
  homed(prefixKey: string): PrefixOwner | undefined {
    const owner = this.prefixes.get(prefixKey);
    return owner && prefixResolves(owner.status) ? owner : undefined;
  }

  homedPrefixes(): string[] {
    return [...this.prefixes.values()].filter((p) => prefixResolves(p.status)).map((p) => p.prefix);
  }

  owner(prefixKey: string): PrefixOwner | undefined {
    return this.prefixes.get(prefixKey);
  }

  /** Resolves a handle key homed here; null when it does not exist. Counts nothing (the caller decides). */
  async resolve(key: string): Promise<ResolvedIdentifier | null> {
    return this.resolveNow(key) ?? this.remember(key, await identifierRow(this.ctx.db, key));
  }

  /**
   * The same without waiting, when the answer is at hand: from the cache, or from the SQLite read connection
   * (a synchronous driver). Undefined when only the database pool can answer (PostgreSQL): call `resolve`.
   * The resolution route uses it so the common read never waits on a promise.
   */
  resolveNow(key: string): ResolvedIdentifier | null | undefined {
    const hit = this.cache.get(key);
    if (hit) return hit;
    return this.reader ? this.remember(key, this.reader.get(key)) : undefined;
  }

  private remember(key: string, row: IdentifierRow | undefined): ResolvedIdentifier | null {
    if (!row) return null;
    const prefix = splitHandle(row.handleKey)!.prefix;
    const owner = this.prefixes.get(prefix);
    if (!owner) return null;
    const resolved = new Resolved(row, prefix, owner.enterpriseId);
    // Admit one miss in eight: a hot identifier is in after a few reads, while a stream of cold ones no longer
    // pushes every row through the cache into V8's old generation (measured: that churn cost more than the
    // SQLite read itself).
    if ((++this.misses & 7) === 0) this.cache.set(key, resolved);
    return resolved;
  }

  /** Drops written keys from the cache (call after the write's transaction commits, and before it, for in-flight reads). */
  forget(keys: Iterable<string>): void {
    for (const key of keys) this.cache.delete(key);
  }

  forgetAll(): void {
    this.cache.clear();
  }

  /** The compiled checker of a template version, or null when the version does not exist. Versions are immutable. */
  async checker(prefix: string, version: string): Promise<TemplateChecker | null> {
    const id = `${handleKey(prefix)}|${version}`;
    const hit = this.checkers.get(id);
    if (hit) return hit;
    const row = await templateRow(this.ctx.db, prefix, version);
    if (!row) return null;
    const checker = compileTemplate(JSON.parse(row.definitionJson) as TemplateDefinition);
    this.checkers.set(id, checker);
    return checker;
  }

  /** A deleted template version must not linger. */
  forgetTemplate(prefix: string, version: string): void {
    this.checkers.delete(`${handleKey(prefix)}|${version}`);
  }
}
