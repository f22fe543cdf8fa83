import type SQLite from 'better-sqlite3';
import type pg from 'pg';
import { generateEnterprises, type BenchEnterprise } from './data.ts';

// Bulk loading straight through the drivers, in one transaction: the app's insertEnterprise does one
// statement per row and per term list, which is right for forms and imports but would take minutes
// for 100,000 enterprises and their ~2 million search terms.

const ENTERPRISE_COLUMNS = [
  'id',
  'credit_code',
  'name',
  'district_code',
  'cluster_code',
  'size_class',
  'manufacturing_type',
  'industry_code',
  'address',
  'main_products',
  'contact_name',
  'contact_phone',
  'contact_email',
  'archived',
  'is_demo',
  'created_at',
  'updated_at',
  'version',
] as const;

const enterpriseValues = (e: BenchEnterprise): unknown[] => [
  e.id,
  e.creditCode,
  e.name,
  e.districtCode,
  e.clusterCode,
  e.sizeClass,
  e.manufacturingType,
  e.industryCode,
  e.address,
  e.mainProducts,
  e.contactName,
  e.contactPhone,
  e.contactEmail,
  e.archived,
  0,
  e.createdAt,
  e.updatedAt,
  1,
];

export interface FillCounts {
  enterprises: number;
  chainLinks: number;
  searchTerms: number;
}

/** The generated enterprises in chunks, with their chain links and search terms as flat rows. */
function* chunks(count: number, size: number) {
  let chunk: { enterprises: unknown[][]; chains: unknown[][]; terms: unknown[][] } = { enterprises: [], chains: [], terms: [] };
  for (const e of generateEnterprises(count)) {
    chunk.enterprises.push(enterpriseValues(e));
    for (const chainCode of e.chainCodes) chunk.chains.push([e.id, chainCode]);
    for (const term of e.terms) chunk.terms.push([e.id, term]);
    if (chunk.enterprises.length === size) {
      yield chunk;
      chunk = { enterprises: [], chains: [], terms: [] };
    }
  }
  if (chunk.enterprises.length) yield chunk;
}

export function fillSqlite(sqlite: SQLite.Database, count: number): FillCounts {
  // Multi-row statements of a fixed size, then one-row statements for the rest: few statements to
  // prepare, few calls across into SQLite.
  const ROWS = 250;
  const insertRows = (table: string, columns: readonly string[]) => {
    const tuple = `(${columns.map(() => '?').join(',')})`;
    const prepare = (rows: number) =>
      sqlite.prepare(`insert into ${table} (${columns.join(',')}) values ${Array.from({ length: rows }, () => tuple).join(',')}`);
    const many = prepare(ROWS);
    const one = prepare(1);
    return (rows: unknown[][]) => {
      let i = 0;
      for (; i + ROWS <= rows.length; i += ROWS) many.run(rows.slice(i, i + ROWS).flat());
      for (; i < rows.length; i++) one.run(rows[i]!);
    };
  };
  const enterprises = insertRows('enterprise', ENTERPRISE_COLUMNS);
  const chains = insertRows('enterprise_chain', ['enterprise_id', 'chain_code']);
  const terms = insertRows('enterprise_search_term', ['enterprise_id', 'term']);
  const counts: FillCounts = { enterprises: 0, chainLinks: 0, searchTerms: 0 };
  sqlite.transaction(() => {
    for (const chunk of chunks(count, ROWS * 4)) {
      // Enterprises first, so the links' foreign keys hold at every statement.
      enterprises(chunk.enterprises);
      chains(chunk.chains);
      terms(chunk.terms);
      counts.enterprises += chunk.enterprises.length;
      counts.chainLinks += chunk.chains.length;
      counts.searchTerms += chunk.terms.length;
    }
  })();
  return counts;
}

const PG_ENTERPRISE_TYPES = [
  'int',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'int',
  'int',
  'text',
  'text',
  'int',
];

/** PostgreSQL: one `insert … select from unnest(arrays)` per table and chunk, inside one transaction. */
export async function fillPostgres(client: pg.ClientBase, count: number): Promise<FillCounts> {
  const insertColumns = (table: string, columns: readonly string[], types: string[]) => {
    const text = `insert into ${table} (${columns.join(',')}) select * from unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(',')})`;
    return async (rows: unknown[][]) => {
      if (rows.length)
        await client.query(
          text,
          columns.map((_, c) => rows.map((r) => r[c])),
        );
    };
  };
  const enterprises = insertColumns('enterprise', ENTERPRISE_COLUMNS, PG_ENTERPRISE_TYPES);
  const chains = insertColumns('enterprise_chain', ['enterprise_id', 'chain_code'], ['int', 'text']);
  const terms = insertColumns('enterprise_search_term', ['enterprise_id', 'term'], ['int', 'text']);
  const counts: FillCounts = { enterprises: 0, chainLinks: 0, searchTerms: 0 };
  await client.query('begin');
  try {
    // The next chunk is generated (jieba, in this process) while the server writes the previous one.
    let writing: Promise<void> = Promise.resolve();
    for (const chunk of chunks(count, 5000)) {
      await writing;
      writing = (async () => {
        await enterprises(chunk.enterprises);
        await chains(chunk.chains);
        await terms(chunk.terms);
      })();
      counts.enterprises += chunk.enterprises.length;
      counts.chainLinks += chunk.chains.length;
      counts.searchTerms += chunk.terms.length;
    }
    await writing;
    // Ids were given explicitly: move the identity past them so later inserts do not collide.
    await client.query(`select setval(pg_get_serial_sequence('enterprise', 'id'), (select max(id) from enterprise))`);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
  return counts;
}
