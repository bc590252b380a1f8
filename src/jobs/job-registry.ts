import { Compile, type Validator } from 'typebox/compile';
import { PrivetError } from '../domain/errors.ts';
import type { ScheduleDefinition } from './define-schedule.ts';
import type { JobDefinition } from './job-definition.ts';

/** The job kinds a process knows, with their schedules; queues refuse every other kind. */
export interface JobRegistry {
  readonly kinds: readonly string[];
  readonly definitions: readonly JobDefinition[];
  readonly schedules: readonly ScheduleDefinition[];
  get(kind: string): JobDefinition | undefined;
  /** The definition of `kind` after checking the payload against its schema; throws `bad_request` or `validation_failed`. */
  check(kind: string, payload: unknown): JobDefinition;
}

/** Builds a registry; throws when two definitions share a kind or a schedule names an unknown kind or bad payload. */
export function createJobRegistry(
  definitions: readonly JobDefinition[],
  options: { readonly schedules?: readonly ScheduleDefinition[] } = {},
): JobRegistry {
  const byKind = new Map<string, { definition: JobDefinition; validator: Validator | undefined }>();
  for (const definition of definitions) {
    if (byKind.has(definition.kind))
      throw new PrivetError('internal', `Job kind "${definition.kind}" is defined twice`);
    const validator = definition.schema === undefined ? undefined : Compile(definition.schema);
    byKind.set(definition.kind, { definition, validator });
  }

  const check = (kind: string, payload: unknown): JobDefinition => {
    const entry = byKind.get(kind);
    if (entry === undefined) throw new PrivetError('bad_request', `Unknown job kind "${kind}"`);
    if (entry.validator !== undefined && !entry.validator.Check(payload)) {
      const issues = entry.validator.Errors(payload).map((e) => ({
        code: 'payload_invalid',
        path: e.instancePath,
        message: e.message,
      }));
      throw new PrivetError('validation_failed', `Invalid payload for job kind "${kind}"`, { issues });
    }
    return entry.definition;
  };

  const schedules = options.schedules ?? [];
  const names = new Set<string>();
  for (const schedule of schedules) {
    if (names.has(schedule.name))
      throw new PrivetError('internal', `Schedule "${schedule.name}" is defined twice`);
    names.add(schedule.name);
    try {
      check(schedule.kind, schedule.payload ?? null);
    } catch (error) {
      throw new PrivetError('internal', `Schedule "${schedule.name}" cannot enqueue its job`, {
        cause: error,
      });
    }
  }

  return {
    kinds: [...byKind.keys()],
    definitions: [...definitions],
    schedules: [...schedules],
    get: (kind) => byKind.get(kind)?.definition,
    check,
  };
}
