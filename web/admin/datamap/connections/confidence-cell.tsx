/** Below this, a personal proposal is a guess to check first. */
const UNCERTAIN = 0.6;

/** How sure discovery was of a proposal, as a percentage, flagged when a person should look twice. */
export function ConfidenceCell({
  confidence,
  personal,
}: {
  readonly confidence: number | undefined;
  readonly personal: boolean;
}) {
  if (confidence === undefined) return <td className="numeric">—</td>;
  const uncertain = personal && confidence < UNCERTAIN;
  return (
    <td className="numeric nowrap">
      {Math.round(confidence * 100)}%{uncertain && <span className="badge badge-review">review</span>}
    </td>
  );
}
