import { useEffect } from 'react';
import { navigate } from './navigate.ts';

/** Replaces the current address with another one of the same app as soon as it renders. */
export function Redirect({ to }: { readonly to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}
