import { Value } from 'typebox/value';
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { PrivetError, type ErrorIssue } from '../../domain/errors.ts';
import type { ModelResource } from './model-resources.ts';

/** One record of a model file, ready for its create or update use case. */
export interface ModelRecordWrite {
  /** Where the record sits in the file: `''` for a file holding one record, `[2]` for the third of a list. */
  readonly at: string;
  /** The key or id of the record; for a transfer without an `id`, undefined (a new one is created). */
  readonly id: string | undefined;
  /** The record without its read-only properties: the new record (with `key`), or its fields. */
  readonly input: Record<string, unknown>;
}

/** A parsed model file: its records, and a way to turn a record's issue path into `file:line: path`. */
export interface ModelFile {
  readonly writes: readonly ModelRecordWrite[];
  /** Places an issue of the record at `at` (its path dotted, e.g. `recipientKeys.0`) in the file. */
  locate(at: string, path: string): string;
}

const dotted = (pointer: string) => pointer.replace(/^\//, '').split('/').filter(Boolean).join('.');
const joinPath = (at: string, path: string) => (at === '' ? path : path === '' ? at : `${at}.${path}`);

function locator(name: string, doc: Document, lines: LineCounter): (at: string, path: string) => string {
  return (at, path) => {
    const parts = [...(at === '' ? [] : [Number(at.slice(1, -1))]), ...path.split('.').filter(Boolean)].map(
      (part) => (typeof part === 'string' && /^\d+$/.test(part) ? Number(part) : part),
    );
    // A missing property has no node: the nearest enclosing one is where it belongs.
    for (let n = parts.length; n >= 0; n -= 1) {
      const node: unknown = doc.getIn(parts.slice(0, n), true);
      const range = (node as { range?: [number, number, number] } | undefined)?.range;
      if (range) return `${name}:${lines.linePos(range[0]).line}: ${joinPath(at, path) || '(record)'}`;
    }
    return `${name}: ${joinPath(at, path) || '(record)'}`;
  };
}

function fail(issues: ErrorIssue[]): never {
  throw new PrivetError('validation_failed', issues.map((i) => `${i.path}: ${i.message}`).join('\n'), {
    issues,
  });
}

function readRecord(
  resource: ModelResource,
  value: unknown,
  at: string,
  locate: ModelFile['locate'],
  issues: ErrorIssue[],
): ModelRecordWrite | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    issues.push({ code: 'not_a_record', path: locate(at, ''), message: `expected a ${resource.noun}` });
    return undefined;
  }
  const input: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const name of resource.readOnly) delete input[name];
  let id: string | undefined;
  if (resource.param === 'id') {
    if (input.id !== undefined && typeof input.id !== 'string')
      issues.push({ code: 'invalid_field', path: locate(at, 'id'), message: 'must be string' });
    else id = input.id;
    delete input.id;
  } else if (typeof input.key === 'string') id = input.key;
  const schema = resource.param === 'id' ? resource.fieldsSchema : resource.newSchema;
  const errors = [...Value.Errors(schema, input)];
  for (const error of errors)
    issues.push({
      code: 'invalid_field',
      path: locate(at, dotted(error.instancePath)),
      message: error.message,
    });
  return errors.length === 0 ? { at, id, input } : undefined;
}

/**
 * Reads a YAML or JSON file holding one record of a kind or a list of them, and validates each against the
 * schema the API uses. Every problem is reported at once as `file:line: path` with a message.
 */
export function parseModelFile(resource: ModelResource, file: { name: string; text: string }): ModelFile {
  const lines = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter: lines, prettyErrors: false });
  const locate = locator(file.name, doc, lines);
  if (doc.errors.length > 0) {
    fail(
      doc.errors.map((error) => ({
        code: 'yaml_syntax',
        path: `${file.name}:${lines.linePos(error.pos[0]).line}`,
        message: error.message.split('\n')[0] ?? error.message,
      })),
    );
  }
  const issues: ErrorIssue[] = [];
  const writes: ModelRecordWrite[] = [];
  const add = (value: unknown, at: string) => {
    const write = readRecord(resource, value, at, locate, issues);
    if (write) writes.push(write);
  };
  if (isSeq(doc.contents)) (doc.toJS() as unknown[]).forEach((value, i) => add(value, `[${i}]`));
  else if (isMap(doc.contents)) add(doc.toJS(), '');
  else
    issues.push({
      code: 'not_a_record',
      path: `${file.name}:1`,
      message: `expected a ${resource.noun} or a list`,
    });
  if (issues.length > 0) fail(issues);
  return { writes, locate };
}
