import type { ConsentStateEntry } from '../consent-state.ts';
import { consentActions, consentMethods } from '../consent-vocabulary.ts';
import type { ProcessingLimitKind } from './processing-limits.ts';

/** An active restriction or objection of one person. */
export interface ActiveLimit {
  readonly id: string;
  readonly requestId: string;
  readonly kind: ProcessingLimitKind;
  /** Null: every purpose. */
  readonly purposes: ReadonlySet<string> | null;
  readonly since: string;
}

/** One consent-state row as the index takes it (the columns of `consent_state` it needs). */
export interface StateRow {
  readonly subjectType: 'person' | 'device';
  readonly subjectId: string;
  readonly purposeKey: string;
  readonly action: ConsentStateEntry['action'];
  readonly method: ConsentStateEntry['method'];
  readonly noticeVersion: string;
  readonly eventSeq: number;
  readonly at: string;
}

// Arena layout per subject: a header (length | capacity << 12 | has-limits << 24), then `capacity` cells of
// three int32s: ledger-key slot, meta (action | method << 2 | notice << 8) and entry (index into `pool`).
const LENGTH_MASK = 0xfff;
const CAPACITY_SHIFT = 12;
const LIMITS_BIT = 1 << 24;
const CELL = 3;
const FIRST_CAPACITY = 4;

/**
 * The compact in-memory image of the consent current-state table. A subject maps to an offset in one int32
 * arena where its states sit together (one or two cache lines), and the event's sequence and time sit in a
 * float64 pool read only for evidence: a decision costs one map probe and a short scan, with no pointer
 * chasing, which is what makes ≥1M decisions/s possible. Purpose keys and notice versions are interned.
 */
export class SubjectIndex {
  readonly persons = new Map<string, number>();
  readonly devices = new Map<string, number>();
  readonly noticeVersions: string[] = [];
  arena = new Int32Array(1 << 16);
  /** Per entry: event sequence, then time in ms. */
  pool = new Float64Array(1 << 16);
  private used = 0;
  private entries = 0;
  private dropped = 0;
  private readonly keySlots = new Map<string, number>();
  private readonly noticeIds = new Map<string, number>();
  private readonly limits = new Map<string, readonly ActiveLimit[]>();
  private readonly limitOwners = new Map<string, string>();

  /** The slot of a ledger key, created on first use: rules and rows agree on it. */
  slotOf(key: string): number {
    let slot = this.keySlots.get(key);
    if (slot === undefined) {
      slot = this.keySlots.size;
      this.keySlots.set(key, slot);
    }
    return slot;
  }

  /** The number of a notice version, created on first use. */
  noticeOf(version: string): number {
    let id = this.noticeIds.get(version);
    if (id === undefined) {
      id = this.noticeVersions.length;
      this.noticeIds.set(version, id);
      this.noticeVersions.push(version);
    }
    return id;
  }

  /** The number of a notice version already seen, or undefined. */
  knownNotice(version: string): number | undefined {
    return this.noticeIds.get(version);
  }

  /** How many state entries the index holds. */
  get size(): number {
    return this.entries - this.dropped;
  }

  /** The position in `arena` of the state cell of `slot` for the subject at `offset`, or -1. */
  cellOf(offset: number, slot: number): number {
    const arena = this.arena;
    const end = offset + 1 + (arena[offset]! & LENGTH_MASK) * CELL;
    for (let at = offset + 1; at < end; at += CELL) if (arena[at] === slot) return at;
    return -1;
  }

  /** True when the subject at `offset` has limits (checked before the map of limits is touched). */
  hasLimits(offset: number): boolean {
    return (this.arena[offset]! & LIMITS_BIT) !== 0;
  }

  /** A person's active limits. */
  limitsOf(personId: string): readonly ActiveLimit[] | undefined {
    return this.limits.get(personId);
  }

  /** Takes a state row unless the index already holds a later event for the same subject and key. */
  apply(row: StateRow): void {
    const map = row.subjectType === 'person' ? this.persons : this.devices;
    let offset = this.offsetFor(map, row.subjectId);
    const slot = this.slotOf(row.purposeKey);
    let cell = this.cellOf(offset, slot);
    if (cell >= 0 && this.pool[this.arena[cell + 2]! * 2]! >= row.eventSeq) return;
    if (cell < 0) {
      offset = this.roomFor(map, row.subjectId, offset);
      const header = this.arena[offset]!;
      cell = offset + 1 + (header & LENGTH_MASK) * CELL;
      this.arena[offset] = header + 1;
      this.arena[cell] = slot;
      this.arena[cell + 2] = this.newEntry();
    }
    const action = consentActions.indexOf(row.action);
    const method = consentMethods.indexOf(row.method);
    this.arena[cell + 1] = action | (method << 2) | (this.noticeOf(row.noticeVersion) << 8);
    const entry = this.arena[cell + 2]!;
    this.pool[entry * 2] = row.eventSeq;
    this.pool[entry * 2 + 1] = Date.parse(row.at);
  }

  /**
   * Forgets a subject's states from events up to `upToSeq` (an erasure); later ones stay. A subject left with
   * neither states nor limits leaves the map, so a decision finds no evidence. Their cells become garbage.
   */
  drop(subjectType: 'person' | 'device', subjectId: string, upToSeq: number): void {
    const map = subjectType === 'person' ? this.persons : this.devices;
    const offset = map.get(subjectId);
    if (offset === undefined) return;
    const arena = this.arena;
    const header = arena[offset]!;
    const end = offset + 1 + (header & LENGTH_MASK) * CELL;
    let kept = offset + 1;
    for (let at = offset + 1; at < end; at += CELL) {
      if (this.pool[arena[at + 2]! * 2]! <= upToSeq) {
        this.dropped += 1;
        continue;
      }
      if (kept !== at) arena.copyWithin(kept, at, at + CELL);
      kept += CELL;
    }
    const length = (kept - offset - 1) / CELL;
    arena[offset] = (header & ~LENGTH_MASK) | length;
    if (length === 0 && (header & LIMITS_BIT) === 0) map.delete(subjectId);
  }

  /** Adds or replaces (by id) a person's limit. */
  putLimit(personId: string, limit: ActiveLimit): void {
    this.removeLimit(limit.id);
    this.limits.set(personId, [...(this.limits.get(personId) ?? []), limit]);
    this.limitOwners.set(limit.id, personId);
    const offset = this.offsetFor(this.persons, personId);
    this.arena[offset]! |= LIMITS_BIT;
  }

  /** Drops a limit (lifted) wherever it is. */
  removeLimit(id: string): void {
    const owner = this.limitOwners.get(id);
    if (owner === undefined) return;
    this.limitOwners.delete(id);
    const rest = (this.limits.get(owner) ?? []).filter((limit) => limit.id !== id);
    if (rest.length > 0) return void this.limits.set(owner, rest);
    this.limits.delete(owner);
    const offset = this.persons.get(owner);
    if (offset !== undefined) this.arena[offset]! &= ~LIMITS_BIT;
  }

  private offsetFor(map: Map<string, number>, id: string): number {
    const known = map.get(id);
    if (known !== undefined) return known;
    const offset = this.allocate(FIRST_CAPACITY);
    map.set(id, offset);
    return offset;
  }

  // Moves a full subject to the arena's end with twice the room; the old cells become garbage until a reload.
  private roomFor(map: Map<string, number>, id: string, offset: number): number {
    const header = this.arena[offset]!;
    const length = header & LENGTH_MASK;
    const capacity = (header >> CAPACITY_SHIFT) & LENGTH_MASK;
    if (length < capacity) return offset;
    if (capacity * 2 > LENGTH_MASK) throw new Error('A subject has more purpose keys than the index holds');
    const moved = this.allocate(capacity * 2);
    this.arena.copyWithin(moved + 1, offset + 1, offset + 1 + length * CELL);
    this.arena[moved] = length | ((capacity * 2) << CAPACITY_SHIFT) | (header & LIMITS_BIT);
    map.set(id, moved);
    return moved;
  }

  private allocate(capacity: number): number {
    const size = 1 + capacity * CELL;
    if (this.used + size > this.arena.length) {
      const grown = new Int32Array(Math.max(this.arena.length * 2, this.used + size));
      grown.set(this.arena);
      this.arena = grown;
    }
    const offset = this.used;
    this.used += size;
    this.arena[offset] = capacity << CAPACITY_SHIFT;
    return offset;
  }

  private newEntry(): number {
    if ((this.entries + 1) * 2 > this.pool.length) {
      const grown = new Float64Array(this.pool.length * 2);
      grown.set(this.pool);
      this.pool = grown;
    }
    return this.entries++;
  }
}
