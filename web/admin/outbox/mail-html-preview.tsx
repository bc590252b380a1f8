import { useMemo } from 'react';
import { safeMailHtml } from './safe-mail-html.ts';

/**
 * A mail's HTML body as the recipient's mail program would roughly show it, in an iframe sandboxed without
 * any permission: no scripts, no forms, no navigation of this page, its own origin.
 */
export function MailHtmlPreview({ html }: { readonly html: string }) {
  const safe = useMemo(() => safeMailHtml(html), [html]);
  return (
    <>
      <iframe className="mail-preview" sandbox="" srcDoc={safe} title="HTML body of the message" />
      <p className="field-hint">
        Shown in a sandbox without scripts, inline styles or outside images; links show their address instead
        of leading there.
      </p>
    </>
  );
}
