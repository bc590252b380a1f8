/** The slice of a pino logger the jobs capability uses, so a pino instance can be passed in as is. */
export interface JobLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** A logger that drops everything, the default when none is passed. */
export const silentLogger: JobLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** A logger that adds the given fields (job id, kind, attempt) to every line. */
export function withLogFields(log: JobLogger, extra: object): JobLogger {
  return {
    info: (fields, message) => log.info({ ...extra, ...fields }, message),
    warn: (fields, message) => log.warn({ ...extra, ...fields }, message),
    error: (fields, message) => log.error({ ...extra, ...fields }, message),
  };
}
