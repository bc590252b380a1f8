import type { DatasetIssue } from '../dataset-graph/dataset-issue.ts';
import type { GraphIssue } from '../dataset-graph/graph-issue.ts';
import type { ParsedFidesYaml } from '../fides-yaml/parse-fides-yaml.ts';

/** Rewrites a graph finding to name the file, line and YAML path it came from, when one of the files holds it. */
export function traceGraphIssue(issue: GraphIssue, files: readonly ParsedFidesYaml[]): DatasetIssue {
  for (const file of files) {
    const location = file.locate(issue.dataset, issue.pointer);
    if (location === undefined) continue;
    return {
      code: issue.code,
      severity: issue.severity,
      path: `${location.where}:${location.path}`,
      where: location.where,
      message: `${location.path}: ${issue.message}`,
    };
  }
  const { code, severity, path, message } = issue;
  return { code, severity, path, message };
}
