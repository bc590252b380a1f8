/**
 * A DRP request error (spec 3.06): answered with `status` and the body `{code: "<status>", message, fatal?}`,
 * not with Privet's usual error body, since agents parse the spec's shape. `bodyless` answers with no body
 * (pair-wise key set-up refusals, spec 2.05.1).
 */
export class DrpError extends Error {
  override readonly name = 'DrpError';

  constructor(
    readonly status: number,
    message: string,
    readonly options: { readonly fatal?: boolean; readonly bodyless?: boolean } = {},
  ) {
    super(message);
  }
}

/** The spec's error body for an error. */
export function drpErrorBody(error: DrpError): { code: string; message: string; fatal?: boolean } {
  return {
    code: String(error.status),
    message: error.message,
    ...(error.options.fatal === true ? { fatal: true } : {}),
  };
}
