import { open } from 'node:fs/promises';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';

/** How a SQLite connection stores its log, read once per Kysely handle. */
interface LogFile {
  /** The write-ahead log's path, or undefined when this connection has none (in-memory, not WAL). */
  readonly walPath: string | undefined;
  /** The connection's own `synchronous` level, restored after each transaction. */
  readonly synchronous: number;
}

const logFiles = new WeakMap<Kysely<Database>, Promise<LogFile>>();

const SYNC_NORMAL = 1;

async function readLogFile(db: Kysely<Database>): Promise<LogFile> {
  const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
  const files = await sql<{ name: string; file: string }>`pragma database_list`.execute(db);
  const level = await sql<{ synchronous: number }>`pragma synchronous`.execute(db);
  const main = files.rows.find((row) => row.name === 'main')?.file ?? '';
  return {
    walPath: mode.rows[0]?.journal_mode === 'wal' && main !== '' ? `${main}-wal` : undefined,
    synchronous: Number(level.rows[0]?.synchronous ?? SYNC_NORMAL),
  };
}

/**
 * Runs `fn` in one `BEGIN IMMEDIATE` transaction on the SQLite handle `db`; its `durable` promise resolves once
 * the commit is durable, without blocking the event loop on the flush. better-sqlite3 is synchronous: with
 * `synchronous = FULL` the whole process waits for the write-ahead log's fsync at every commit (milliseconds
 * on a busy disk), and no request is parsed meanwhile. Here the transaction commits at `synchronous = NORMAL`
 * (its frames reach the log file, which survives a killed process), then the log file is synced on libuv's
 * thread pool, and only then does `durable` resolve: the same guarantee as FULL for whoever waits on it,
 * while the event loop keeps serving. A checkpoint still syncs the log before copying it and the database
 * after (NORMAL does that), so frames are never dropped unsynced. Returns `undefined` from the probe (and the
 * caller should use the store's own transaction) when the connection has no log file to sync: in-memory
 * databases, other journal modes, or a connection already below NORMAL.
 */
export async function sqliteTransactionSyncedOffLoop<T>(
  db: Kysely<Database>,
  fn: (trx: Kysely<Database>) => Promise<T>,
): Promise<{ readonly value: T; readonly durable: Promise<void> } | undefined> {
  let probe = logFiles.get(db);
  if (probe === undefined) {
    probe = readLogFile(db);
    logFiles.set(db, probe);
    // A failed probe (a closed store) is not remembered.
    probe.catch(() => logFiles.delete(db));
  }
  const log = await probe;
  const walPath = log.walPath;
  if (walPath === undefined || log.synchronous <= SYNC_NORMAL) return undefined;
  // One connection, held for the whole exchange: nothing else runs on it between the pragmas.
  const value = await db.connection().execute(async (conn) => {
    // SQLite refuses to change the level inside a transaction, hence around it.
    await sql`pragma synchronous = NORMAL`.execute(conn);
    try {
      await sql`begin immediate`.execute(conn);
      try {
        const result = await fn(conn);
        await sql`commit`.execute(conn);
        return result;
      } catch (error) {
        await sql`rollback`.execute(conn);
        throw error;
      }
    } finally {
      await sql.raw(`pragma synchronous = ${log.synchronous}`).execute(conn);
    }
  });
  return { value, durable: flusherOf(walPath).request() };
}

/**
 * Coalesces the syncs of one log file: one runs at a time, and every commit made while it runs shares the single
 * next one (which starts after it, so it covers them). Many small batches committing during a slow flush cost
 * two fsyncs, not one each.
 */
class Flusher {
  #running: Promise<void> | undefined;
  #next: Promise<void> | undefined;

  constructor(readonly path: string) {}

  request(): Promise<void> {
    if (this.#next !== undefined) return this.#next;
    if (this.#running === undefined) return this.#start();
    const next = this.#running
      .catch(() => undefined)
      .then(() => {
        this.#next = undefined;
        return this.#start();
      });
    this.#next = next;
    return next;
  }

  #start(): Promise<void> {
    const running: Promise<void> = syncFile(this.path).finally(() => {
      if (this.#running === running) this.#running = undefined;
    });
    this.#running = running;
    return running;
  }
}

const flushers = new Map<string, Flusher>();

function flusherOf(path: string): Flusher {
  let flusher = flushers.get(path);
  if (flusher === undefined) {
    flusher = new Flusher(path);
    flushers.set(path, flusher);
  }
  return flusher;
}

// Opened per sync: after a checkpoint the log may be a new file, and the frames just written are in the
// current one (the old one's were synced into the database by the checkpoint).
async function syncFile(path: string): Promise<void> {
  const file = await open(path, 'r');
  try {
    await file.sync();
  } finally {
    await file.close();
  }
}
