import { Compilable, CompiledQuery, DialectAdapter, Kysely } from 'kysely';

/** Where each compiled parameter comes from: the argument at that index, or a value the query fixes. */
type Source = { readonly argument: number } | { readonly value: unknown };

interface Compiled {
  readonly sql: string;
  readonly sources: readonly Source[];
}

/** Stands for argument `i` while the query is compiled once: no real value looks like it. */
const placeholder = (i: number): string => `\u0000reusable-query-argument-${i}\u0000`;

/**
 * A statement that runs many times with only its values changing, built and compiled by Kysely
 * once per dialect and then run as that SQL with the new values. Kysely builds a query as a tree of
 * frozen nodes and compiles the tree on every run: for the short statements a projection runs on
 * every event (its checkpoint, twice per batch), that was ~15 µs a statement, more than SQLite takes
 * to run it (issue 14, item 6).
 *
 * For fixed shapes only: `build` must produce the same SQL whatever the arguments are (no `in`
 * lists, no conditional clauses), and must use each argument as a value, never as a name. It is
 * called once per dialect with placeholders for the arguments; the placeholders' places in the
 * compiled parameters say where each argument goes. Kept per dialect adapter, which a Kysely
 * instance shares with its transactions and `withTables` views; a handle with plugins (whose SQL
 * may differ from its parent's) is built afresh on every call.
 */
export function reusableQuery<Db, Args extends readonly unknown[], Row>(
  build: (db: Kysely<Db>, ...args: Args) => Compilable<Row>,
): (db: Kysely<Db>, ...args: Args) => Promise<Row[]> {
  const compiled = new WeakMap<DialectAdapter, Compiled>();
  return async (db, ...args) => {
    const executor = db.getExecutor();
    // A plugin (withSchema, say) rewrites the query it is given: such a handle builds afresh each time.
    if (executor.plugins.length > 0) return (await db.executeQuery<Row>(build(db, ...args).compile())).rows;
    const adapter = executor.adapter;
    let query = compiled.get(adapter);
    if (!query) {
      query = compileOnce(db, build, args.length);
      compiled.set(adapter, query);
    }
    const parameters = query.sources.map((source) => ('argument' in source ? args[source.argument] : source.value));
    const result = await db.executeQuery<Row>(CompiledQuery.raw(query.sql, parameters));
    return result.rows;
  };
}

function compileOnce<Db, Args extends readonly unknown[], Row>(
  db: Kysely<Db>,
  build: (db: Kysely<Db>, ...args: Args) => Compilable<Row>,
  arity: number,
): Compiled {
  const placeholders = Array.from({ length: arity }, (_, i) => placeholder(i));
  const { sql, parameters } = build(db, ...(placeholders as unknown as Args)).compile();
  const sources = parameters.map((value): Source => {
    const argument = placeholders.indexOf(value as string);
    return argument >= 0 ? { argument } : { value };
  });
  const used = new Set(sources.flatMap((source) => ('argument' in source ? [source.argument] : [])));
  if (used.size !== arity) throw new Error(`A reusable query must use each of its ${arity} arguments as a value: ${sql}`);
  return { sql, sources };
}
