import type { RequestRunResult } from './run-request.ts';

/**
 * The machine output of `privet request run --json`: `{"status", "collections": {"<name>": {"rows",
 * "masked", "deleted", "kept", …}}}` plus the run id, whether it resumed, reasons and issues.
 */
export function describeRunResult(result: RequestRunResult, extra: Readonly<Record<string, unknown>> = {}) {
  return {
    status: result.status,
    collections: Object.fromEntries(
      Object.entries(result.collections).map(([name, r]) => [
        name,
        {
          rows: r.rows,
          masked: r.masked,
          deleted: r.deleted,
          kept: r.kept,
          ...(r.corrected === undefined ? {} : { corrected: r.corrected }),
          status: r.status,
          dataset: r.dataset,
          reasons: r.reasons,
        },
      ]),
    ),
    runId: result.runId,
    resumed: result.resumed,
    ...(result.cancelled ? { cancelled: true } : {}),
    issues: result.issues,
    ...extra,
  };
}

/** The run's outcome as lines of text for people. */
export function formatRunResult(result: RequestRunResult): string[] {
  const names = Object.keys(result.collections);
  const width = Math.max(10, ...names.map((n) => n.length));
  const lines = [
    `${result.status}${result.cancelled ? ' (cancelled)' : ''}${result.runId === null ? ' (dry run)' : `: run ${result.runId}${result.resumed ? ' (resumed)' : ''}`}`,
  ];
  for (const [name, r] of Object.entries(result.collections)) {
    const counts = `rows ${r.rows}, masked ${r.masked}, deleted ${r.deleted}, kept ${r.kept}${r.corrected === undefined ? '' : `, corrected ${r.corrected}`}`;
    lines.push(`  ${name.padEnd(width)}  ${r.status === 'failed' ? 'FAILED' : counts}`);
    for (const reason of r.reasons)
      lines.push(
        `  ${' '.repeat(width)}    ${reason.code}${reason.rows === undefined ? '' : ` (${reason.rows})`}: ${reason.message}`,
      );
  }
  for (const issue of result.issues) lines.push(`warning: ${issue.message}`);
  return lines;
}
