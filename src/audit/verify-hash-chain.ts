/** A row of a hash-chained table: its position, its link to the previous row and its own hash. */
export interface ChainRow {
  readonly seq: number;
  readonly id: string;
  readonly prev_hash: string;
  readonly hash: string;
}

/** How to walk one chain. */
export interface HashChain<Row extends ChainRow> {
  readonly genesis: string;
  /** What a row is called in messages (`entry`, `event`). */
  readonly noun: string;
  /** Up to `limit` rows from `fromSeq` on, in order. */
  readonly readPage: (fromSeq: number, limit: number) => Promise<readonly Row[]>;
  /** The hash the row's content must have. */
  readonly hashOf: (row: Row) => string;
}

export type ChainVerification =
  | { readonly ok: true; readonly count: number; readonly head: string }
  | {
      readonly ok: false;
      /** How many rows before the broken one verify. */
      readonly count: number;
      readonly broken: { readonly seq: number; readonly id: string; readonly reason: string };
    };

const PAGE = 1000;

/** Walks a whole chain in order and names the first row whose hash, link or sequence does not hold. */
export async function verifyHashChain<Row extends ChainRow>(
  chain: HashChain<Row>,
  signal?: AbortSignal,
): Promise<ChainVerification> {
  let prevHash = chain.genesis;
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    signal?.throwIfAborted();
    const rows = await chain.readPage(expectedSeq, PAGE);
    for (const row of rows) {
      const broken = (reason: string): ChainVerification => ({
        ok: false,
        count,
        broken: { seq: row.seq, id: row.id, reason },
      });
      if (row.seq !== expectedSeq) return broken(`${chain.noun} ${expectedSeq} is missing`);
      if (row.prev_hash !== prevHash) return broken(`prev_hash does not match the previous ${chain.noun}`);
      if (chain.hashOf(row) !== row.hash) return broken('content does not match its hash (altered)');
      prevHash = row.hash;
      expectedSeq += 1;
      count += 1;
    }
    if (rows.length < PAGE) return { ok: true, count, head: prevHash };
  }
}
