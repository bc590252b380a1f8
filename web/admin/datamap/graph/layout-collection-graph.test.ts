import { describe, expect, it } from 'vitest';
import type { FidesDataset } from '../datamap-types.ts';
import { collectionGraph } from './collection-graph.ts';
import { layoutCollectionGraph } from './layout-collection-graph.ts';

const ref = (field: string, direction?: 'from' | 'to') => ({
  fides_meta: { references: [{ dataset: 'shop', field, ...(direction === undefined ? {} : { direction }) }] },
});

const shop: FidesDataset = {
  fides_key: 'shop',
  collections: [
    { name: 'customers', fields: [{ name: 'id' }, { name: 'email', fides_meta: { identity: 'email' } }] },
    { name: 'orders', fields: [{ name: 'id' }, { name: 'customer_id', ...ref('customers.id', 'from') }] },
    {
      name: 'order_lines',
      fields: [
        { name: 'order_id', ...ref('orders.id', 'from') },
        { name: 'product_id', ...ref('products.id', 'to') },
      ],
    },
    { name: 'products', 'x-privet': { personal: false }, fields: [{ name: 'id' }] },
    { name: 'staff', 'x-privet': { data_subject: 'employee' }, fields: [{ name: 'id' }] },
    {
      name: 'audit',
      fields: [
        { name: 'staff_id', ...ref('staff.id', 'to') },
        { name: 'x', ...ref('elsewhere.y') },
      ],
    },
    {
      name: 'notes',
      fields: [
        { name: 'parent_id', ...ref('notes.id', 'to') },
        {
          name: 'meta',
          fields: [{ name: 'ext', fides_meta: { references: [{ dataset: 'crm', field: 'people.id' }] } }],
        },
      ],
    },
  ],
};

describe('collection graph layout', () => {
  const graph = collectionGraph(shop);
  const layout = layoutCollectionGraph(graph);
  const node = (id: string) => layout.nodes.find((n) => n.id === id);

  it('reads kinds, nested fields and references in their direction', () => {
    expect(graph.nodes.find((n) => n.id === 'customers')).toMatchObject({ identities: ['email'], fields: 2 });
    expect(graph.nodes.find((n) => n.id === 'staff')?.subject).toBe('employee');
    expect(graph.nodes.find((n) => n.id === 'products')?.catalogue).toBe(true);
    expect(graph.nodes.find((n) => n.id === 'crm.people')).toMatchObject({
      name: 'people',
      dataset: 'crm',
      external: true,
      missing: false,
    });
    expect(graph.nodes.find((n) => n.id === 'elsewhere')).toMatchObject({ external: false, missing: true });
    expect(graph.edges).toContainEqual(
      expect.objectContaining({
        from: 'customers',
        to: 'orders',
        directed: true,
        field: 'orders.customer_id',
      }),
    );
    expect(graph.edges).toContainEqual(
      expect.objectContaining({ from: 'notes', to: 'crm.people', directed: false, field: 'notes.meta.ext' }),
    );
  });

  it('puts identity collections first and the rest by reference distance', () => {
    expect([
      node('customers')?.layer,
      node('orders')?.layer,
      node('order_lines')?.layer,
      node('products')?.layer,
    ]).toEqual([0, 1, 2, 3]);
    expect(node('products')?.distance).toBe(3);
    // Nothing reaches audit and staff from an identity: they come after, audit before the staff it points to.
    expect(node('audit')?.distance).toBeNull();
    expect(node('audit')?.layer).toBe(4);
    expect(node('staff')?.layer).toBe(5);
    expect(node('customers')?.x).toBeLessThan(node('orders')?.x ?? 0);
    // The line that marks them off runs between the last reached column and the first unreached one.
    expect(layout.unreachedX).toBeGreaterThan((node('products')?.x ?? 0) + (node('products')?.width ?? 0));
    expect(layout.unreachedX).toBeLessThan(node('audit')?.x ?? 0);
  });

  it('needs no such line when identities reach everything', () => {
    const reached = collectionGraph({ ...shop, collections: shop.collections.slice(0, 4) });
    expect(layoutCollectionGraph(reached).unreachedX).toBeNull();
  });

  it('routes every edge and keeps every node inside the drawing', () => {
    expect(layout.edges).toHaveLength(graph.edges.length);
    for (const edge of layout.edges) expect(edge.path).toMatch(/^M [\d.]+ [\d.]+ C /);
    for (const n of layout.nodes) {
      expect(n.x + n.width).toBeLessThanOrEqual(layout.width);
      expect(n.y + n.height).toBeLessThanOrEqual(layout.height);
    }
    const boxes = layout.nodes.map((n) => `${n.x},${n.y}`);
    expect(new Set(boxes).size, 'no two nodes in one place').toBe(boxes.length);
  });
});
