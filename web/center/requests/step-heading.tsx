import { useEffect, useRef } from 'react';

/**
 * The h1 of a step inside one page (code entry, status loaded): it always takes the focus when it appears,
 * as the content the person was on has just been replaced.
 */
export function StepHeading({
  title,
  titleSuffix,
}: {
  readonly title: string;
  readonly titleSuffix: string;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${titleSuffix}`;
    ref.current?.focus();
  }, [title, titleSuffix]);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-heading">
      {title}
    </h1>
  );
}
