import type { CollectionNode } from './collection-graph.ts';

/** The CSS classes of a node, one per thing worth seeing at a glance; the words in the node say the same. */
export function nodeClasses(node: CollectionNode, issues: number): string {
  return [
    'graph-node',
    node.identities.length > 0 ? 'graph-node-identity' : null,
    node.subject === null ? null : 'graph-node-other-subject',
    node.catalogue ? 'graph-node-catalogue' : null,
    node.external ? 'graph-node-external' : null,
    node.missing ? 'graph-node-missing' : null,
    issues > 0 ? 'graph-node-issue' : null,
  ]
    .filter((name) => name !== null)
    .join(' ');
}

/** What kind of collection it is, in words: for the node's second line and the table. */
export function nodeKindWords(node: CollectionNode): string[] {
  const words: string[] = [];
  if (node.identities.length > 0) words.push(`identity: ${node.identities.join(', ')}`);
  if (node.subject !== null) words.push(`subject: ${node.subject}`);
  if (node.catalogue) words.push('not personal');
  if (node.external) words.push(`in ${node.dataset ?? 'another dataset'}`);
  if (node.missing) words.push('not in this dataset');
  return words;
}

/** The node's second line: what kind of collection it is, or else how many fields it has. */
export function nodeMeta(node: CollectionNode): string {
  const words = nodeKindWords(node);
  return words.length > 0 ? words.join('; ') : `${node.fields} ${node.fields === 1 ? 'field' : 'fields'}`;
}
