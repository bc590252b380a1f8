interface Entry {
  readonly swatch: 'node' | 'edge' | 'edge-both';
  readonly className: string;
  readonly text: string;
}

const entries: readonly Entry[] = [
  {
    swatch: 'node',
    className: 'graph-node graph-node-identity',
    text: 'Identity collection: a request for a person starts here (marked bar)',
  },
  { swatch: 'node', className: 'graph-node', text: 'Collection reached through references' },
  {
    swatch: 'node',
    className: 'graph-node graph-node-other-subject',
    text: 'Another kind of person (employees, staff): dashed',
  },
  { swatch: 'node', className: 'graph-node graph-node-catalogue', text: 'Catalogue: nothing about people' },
  {
    swatch: 'node',
    className: 'graph-node graph-node-external',
    text: 'Collection of another dataset, or missing: dotted',
  },
  { swatch: 'node', className: 'graph-node graph-node-issue', text: 'The check found an error here' },
  { swatch: 'edge', className: 'graph-edge', text: 'Reference, towards the rows it finds' },
  {
    swatch: 'edge-both',
    className: 'graph-edge graph-edge-both',
    text: 'Reference without direction: both ways',
  },
];

/** What the shapes and lines of the graph mean. */
export function GraphLegend() {
  return (
    <ul className="graph-legend" aria-label="Legend">
      {entries.map((entry) => (
        <li key={entry.text}>
          <svg className="graph-swatch" width="44" height="22" viewBox="0 0 44 22" aria-hidden="true">
            {entry.swatch === 'node' ? (
              <g className={entry.className}>
                <rect className="graph-node-box" x="1" y="1" width="42" height="20" rx="5" />
                {entry.className.includes('identity') && (
                  <rect className="graph-node-mark" x="1" y="1" width="6" height="20" />
                )}
              </g>
            ) : (
              <path
                className={entry.className}
                d="M 4 11 H 40"
                markerEnd="url(#graph-arrow)"
                {...(entry.swatch === 'edge-both' ? { markerStart: 'url(#graph-arrow)' } : {})}
              />
            )}
          </svg>
          <span>{entry.text}</span>
        </li>
      ))}
    </ul>
  );
}
