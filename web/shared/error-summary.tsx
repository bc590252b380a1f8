import { useEffect, useRef, type MouseEvent } from 'react';

/** One problem in a form: the id of the control to fix, and what to do. */
export interface FormProblem {
  readonly fieldId: string;
  readonly message: string;
}

export interface ErrorSummaryProps {
  readonly title: string;
  readonly problems: readonly FormProblem[];
  /** Changes on every failed submit, so that the summary takes the focus again even with the same problems. */
  readonly attempt: number;
}

function focusField(event: MouseEvent<HTMLAnchorElement>, fieldId: string): void {
  const field = document.getElementById(fieldId);
  if (field === null) return;
  // The link's own jump would scroll the label out of sight; focusing also brings the field into view.
  event.preventDefault();
  field.focus();
  field.scrollIntoView({ block: 'center' });
}

/**
 * The list of a form's problems above the form, each a link to its field. It takes the focus after a failed
 * submit, so keyboard and screen-reader users hear what is wrong before anything else.
 */
export function ErrorSummary({ title, problems, attempt }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problems.length > 0) ref.current?.focus();
    // Only a new attempt moves the focus, not every keystroke that changes the list.
  }, [attempt]);
  if (problems.length === 0) return null;
  return (
    <div ref={ref} className="error-summary" tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" className="error-summary-title">
        {title}
      </h2>
      <ul>
        {problems.map((problem) => (
          <li key={problem.fieldId + problem.message}>
            <a href={`#${problem.fieldId}`} onClick={(event) => focusField(event, problem.fieldId)}>
              {problem.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
