import { useEffect, useRef, type ReactNode } from 'react';
import { hasNavigatedInApp } from './navigate.ts';

export interface PageHeadingProps {
  /** The visible heading, also the first part of the window title. */
  readonly title: string;
  /** The rest of the window title, such as the app's name. */
  readonly titleSuffix: string;
  readonly children?: ReactNode;
}

/**
 * The page's h1. It names the window and, after an in-app page change, takes the focus so that screen-reader
 * and keyboard users start at the new page instead of the link they left.
 */
export function PageHeading({ title, titleSuffix, children }: PageHeadingProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${titleSuffix}`;
    if (hasNavigatedInApp()) ref.current?.focus();
  }, [title, titleSuffix]);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-heading">
      {children ?? title}
    </h1>
  );
}
