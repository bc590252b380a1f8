import { isAlias, isMap, isNode, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { DatasetIssue } from '../dataset-graph/dataset-issue.ts';

/** One value inside a mapping or list, with its path (`dataset[0].collections[2]`) and line. */
export interface YamlEntry {
  readonly key: string;
  /** The value, aliases resolved; null for an empty value. */
  readonly node: Node | null;
  readonly path: string;
  readonly line: number;
}

/** The known keys of a mapping, and every other key as plain data (`extra`) so that nothing is lost. */
export interface SplitEntries {
  readonly known: ReadonlyMap<string, YamlEntry>;
  readonly extra: Record<string, unknown> | undefined;
}

/**
 * Reads a parsed YAML document node by node, so that every finding names its file, line and path. Findings
 * are collected, not thrown: a file reports all of its problems at once.
 */
export class YamlReader {
  readonly issues: DatasetIssue[] = [];
  /** The line of every path read, so that later findings (the graph check) can be traced to the file. */
  readonly lines = new Map<string, number>();

  constructor(
    private readonly doc: Document,
    private readonly lineCounter: LineCounter,
    readonly file: string,
  ) {}

  /** The 1-based line where the node starts, or the fallback for absent nodes. */
  lineOf(node: unknown, fallback: number): number {
    const start = isNode(node) || isAlias(node) ? node.range?.[0] : undefined;
    return start === undefined ? fallback : this.lineCounter.linePos(start).line;
  }

  /** Records an error at the path and line. */
  error(path: string, line: number, code: string, message: string): void {
    const where = `${this.file}:${line}`;
    this.issues.push({
      code,
      severity: 'error',
      path: path === '' ? where : `${where}:${path}`,
      where,
      message,
    });
  }

  /** Records a warning at the path and line. */
  warn(path: string, line: number, code: string, message: string): void {
    const where = `${this.file}:${line}`;
    this.issues.push({
      code,
      severity: 'warning',
      path: path === '' ? where : `${where}:${path}`,
      where,
      message,
    });
  }

  /** An entry for a node reached other than through a mapping (the document root). */
  root(node: unknown): YamlEntry {
    return { key: '', node: this.resolve(node), path: '', line: this.lineOf(node, 1) };
  }

  /** The entries of a mapping, or undefined (with an error) when the value is not a mapping. */
  entries(entry: YamlEntry): YamlEntry[] | undefined {
    this.lines.set(entry.path, entry.line);
    if (!isMap(entry.node)) {
      this.error(
        entry.path,
        entry.line,
        'expected_mapping',
        `${label(entry)} must be a mapping of keys to values`,
      );
      return undefined;
    }
    return entry.node.items.map((pair) => {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const path = entry.path === '' ? key : `${entry.path}.${key}`;
      const line = this.lineOf(pair.value ?? pair.key, this.lineOf(pair.key, entry.line));
      this.lines.set(path, line);
      return { key, node: this.resolve(pair.value), path, line };
    });
  }

  /** The items of a list, or undefined (with an error) when the value is not a list. */
  items(entry: YamlEntry): YamlEntry[] | undefined {
    if (!isSeq(entry.node)) {
      this.error(entry.path, entry.line, 'expected_list', `${label(entry)} must be a list`);
      return undefined;
    }
    return entry.node.items.map((item, index) => {
      const path = `${entry.path}[${index}]`;
      const line = this.lineOf(item, entry.line);
      this.lines.set(path, line);
      return { key: String(index), node: this.resolve(item), path, line };
    });
  }

  /** Splits a mapping's entries into the keys Privet reads and the rest, kept as plain data. */
  split(entries: readonly YamlEntry[], known: readonly string[]): SplitEntries {
    const knownEntries = new Map<string, YamlEntry>();
    let extra: Record<string, unknown> | undefined;
    for (const entry of entries) {
      if (known.includes(entry.key)) knownEntries.set(entry.key, entry);
      else (extra ??= {})[entry.key] = this.toJs(entry.node);
    }
    return { known: knownEntries, extra };
  }

  /** A non-empty string; undefined (with an error when `required` or mistyped) otherwise. */
  string(entry: YamlEntry | undefined, required: false | { path: string; line: number }): string | undefined {
    if (entry === undefined || entry.node === null || scalarValue(entry.node) === null) {
      if (required) {
        const path = entry?.path ?? required.path;
        this.error(path, entry?.line ?? required.line, 'required', `${path} is required`);
      }
      return undefined;
    }
    const value = scalarValue(entry.node);
    if (typeof value === 'string' && value.trim() !== '') return value;
    this.error(entry.path, entry.line, 'expected_string', `${entry.path} must be a non-empty string`);
    return undefined;
  }

  /** true or false; undefined when absent, empty, or mistyped (with an error). */
  boolean(entry: YamlEntry | undefined): boolean | undefined {
    if (entry === undefined || isEmpty(entry.node)) return undefined;
    const value = scalarValue(entry.node);
    if (typeof value === 'boolean') return value;
    this.error(entry.path, entry.line, 'expected_boolean', `${entry.path} must be true or false`);
    return undefined;
  }

  /** A whole number ≥ 0; undefined when absent, empty, or mistyped (with an error). */
  count(entry: YamlEntry | undefined): number | undefined {
    if (entry === undefined || isEmpty(entry.node)) return undefined;
    const value = scalarValue(entry.node);
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
    this.error(entry.path, entry.line, 'expected_count', `${entry.path} must be a whole number of 0 or more`);
    return undefined;
  }

  /** A list of non-empty strings; undefined when absent or empty, or mistyped (with an error). */
  stringList(entry: YamlEntry | undefined): string[] | undefined {
    if (entry === undefined || isEmpty(entry.node)) return undefined;
    const items = this.items(entry);
    if (items === undefined) return undefined;
    const values = items.map((item) => this.string(item, { path: item.path, line: item.line }));
    return values.every((v) => v !== undefined) ? values : undefined;
  }

  /** A mapping as plain data; undefined when absent or empty, or mistyped (with an error). */
  record(entry: YamlEntry | undefined): Record<string, unknown> | undefined {
    if (entry === undefined || isEmpty(entry.node)) return undefined;
    if (this.entries(entry) === undefined) return undefined;
    return this.toJs(entry.node) as Record<string, unknown>;
  }

  /** A node as plain data (aliases expanded). */
  toJs(node: Node | null): unknown {
    return node === null ? null : (node.toJS(this.doc) as unknown);
  }

  private resolve(node: unknown): Node | null {
    if (isAlias(node)) return (node.resolve(this.doc) as Node | undefined) ?? null;
    return isNode(node) ? node : null;
  }
}

/** True when the value is absent in meaning: no node or a YAML null. */
export function isEmpty(node: Node | null): boolean {
  return node === null || (isScalar(node) && node.value === null);
}

function scalarValue(node: Node | null): unknown {
  return isScalar(node) ? node.value : undefined;
}

function label(entry: YamlEntry): string {
  return entry.path === '' ? 'The file' : entry.path;
}
