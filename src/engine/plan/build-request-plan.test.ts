import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FidesCollection, FidesDataset, FidesField } from '../../datamap/fides-dataset.ts';
import { parseFidesYaml } from '../../datamap/fides-yaml/parse-fides-yaml.ts';
import { normaliseIdentities } from '../identity/normalise-identities.ts';
import { buildRequestPlan } from './build-request-plan.ts';
import type { PlanStep } from './request-plan.ts';

const email = normaliseIdentities([{ type: 'email', value: 'Ada@Example.com' }]).identities;

const field = (name: string, extra: Partial<FidesField> = {}): FidesField => ({ name, ...extra });
const ref = (target: string, direction?: 'from' | 'to') => ({
  fides_meta: { references: [{ dataset: 'd', field: target, ...(direction ? { direction } : {}) }] },
});
const collection = (
  name: string,
  fields: FidesField[],
  extra: Partial<FidesCollection> = {},
): FidesCollection => ({
  name,
  fields,
  ...extra,
});
const dataset = (...collections: FidesCollection[]): FidesDataset => ({ fides_key: 'd', collections });
const user = { data_categories: ['user.name'] };
const stepOf = (steps: readonly PlanStep[], name: string) => steps.find((s) => s.collection === name);

describe('buildRequestPlan', () => {
  it('follows references per direction: `from` finds the referring rows, `to` the referred ones', () => {
    const plan = buildRequestPlan({
      identities: email,
      datasets: [
        dataset(
          collection('customer', [
            field('id', { fides_meta: { primary_key: true } }),
            field('email', { data_categories: ['user.contact.email'], fides_meta: { identity: 'email' } }),
            field('address_id', ref('address.id', 'to')),
          ]),
          collection('address', [field('id'), field('street', user)]),
          collection('orders', [
            field('id'),
            field('customer_id', { ...ref('customer.id', 'from'), ...user }),
          ]),
          collection('note', [field('customer_id', ref('customer.id')), field('text', user)]),
        ),
      ],
    });
    expect(plan.steps.map((s) => s.collection)).toEqual(['customer', 'address', 'note', 'orders']);
    expect(stepOf(plan.steps, 'customer')?.sources).toEqual([
      { kind: 'identity', field: 'email', identity: 'email', transform: 'lower_trim' },
    ]);
    expect(stepOf(plan.steps, 'address')?.sources).toEqual([
      { kind: 'reference', field: 'id', from: 'd/customer', fromField: 'address_id', relation: 'referenced' },
    ]);
    expect(stepOf(plan.steps, 'orders')?.sources).toEqual([
      {
        kind: 'reference',
        field: 'customer_id',
        from: 'd/customer',
        fromField: 'id',
        relation: 'referencing',
      },
    ]);
    // Undirected: found from the customer; the way back closes a loop and is not followed.
    expect(stepOf(plan.steps, 'note')?.sources).toHaveLength(1);
    expect(plan.droppedEdges).toEqual([{ from: 'd/note', to: 'd/customer', field: 'id' }]);
    expect(plan.cycles).toEqual([['d/customer', 'd/note']]);
    expect(stepOf(plan.steps, 'customer')?.captureFields).toEqual(['id', 'address_id']);
    expect(plan.erasureOrder.indexOf('d/orders')).toBeLessThan(plan.erasureOrder.indexOf('d/customer'));
    expect(plan.erasureOrder.indexOf('d/customer')).toBeLessThan(plan.erasureOrder.indexOf('d/address'));
  });

  it('never enters another subject’s or a catalogue collection, nor goes through them', () => {
    const plan = buildRequestPlan({
      identities: email,
      datasets: [
        dataset(
          collection('customer', [
            field('id'),
            field('email', { ...user, fides_meta: { identity: 'email' } }),
            field('rep_id', ref('employee.id', 'to')),
            field('plan_id', ref('plan.id', 'to')),
          ]),
          collection('employee', [field('id'), field('name', user)], {
            'x-privet': { data_subject: 'employee' },
          }),
          collection('team', [field('lead_id', ref('employee.id', 'from')), field('motto', user)]),
          collection('plan', [field('id'), field('label')]),
          collection('plan_history', [field('plan_id', ref('plan.id', 'from')), field('who', user)]),
          collection('loyalty', [field('card', { ...user, fides_meta: { identity: 'loyalty_id' } })]),
        ),
      ],
    });
    expect(plan.steps.map((s) => s.collection)).toEqual(['customer']);
    const loyalty = normaliseIdentities([{ type: 'loyalty_id', value: 'L-1' }]).identities;
    expect(
      buildRequestPlan({ identities: loyalty, datasets: [dataset()] }).issues.map((i) => i.code),
    ).toEqual(['identity_unused']);
    expect(plan.excluded.map((e) => [e.name, e.reason])).toEqual([
      ['employee', 'other_subject'],
      ['team', 'unreachable'],
      ['plan', 'not_personal'],
      ['plan_history', 'unreachable'],
      ['loyalty', 'unreachable'],
    ]);
    expect(plan.excluded[0]?.detail).toBe('another data subject: employee');
    // rep_id and plan_id link rows: kept, never masked, and not personal anyway.
    expect(stepOf(plan.steps, 'customer')?.fields.map((f) => [f.name, f.action])).toEqual([
      ['email', 'mask'],
    ]);
  });

  it('plans the Fides sample shop from its YAML', () => {
    const text = readFileSync(
      new URL(
        '../../../test/fixtures/datasets/fides-example/data_dataset_postgres_example_test_dataset.yml',
        import.meta.url,
      ),
      'utf8',
    );
    const parsed = parseFidesYaml(text, 'shop.yml');
    const plan = buildRequestPlan({ identities: email, datasets: parsed.datasets });
    expect(plan.steps.map((s) => s.collection).sort()).toEqual([
      'address',
      'customer',
      'employee',
      'login',
      'orders',
      'payment_card',
      'report',
      'service_request',
      'visit',
    ]);
    expect(plan.excluded.map((e) => `${e.name}:${e.reason}`).sort()).toEqual([
      'order_item:not_personal',
      'product:not_personal',
    ]);
    const address = stepOf(plan.steps, 'address');
    expect(
      address?.sources.map((s) => (s.kind === 'reference' ? `${s.from}.${s.fromField}` : s.field)).sort(),
    ).toEqual([
      'postgres_example_test_dataset/customer.address_id',
      'postgres_example_test_dataset/employee.address_id',
      'postgres_example_test_dataset/orders.shipping_address_id',
      'postgres_example_test_dataset/payment_card.billing_address_id',
    ]);
    expect(address?.referrers.map((r) => `${r.name}.${r.field}`).sort()).toEqual([
      'customer.address_id',
      'employee.address_id',
      'orders.shipping_address_id',
      'payment_card.billing_address_id',
    ]);
    expect(
      stepOf(plan.steps, 'service_request')
        ?.sources.map((s) => s.field)
        .sort(),
    ).toEqual(['alt_email', 'email', 'employee_id']);
    const name = stepOf(plan.steps, 'employee')?.fields.find((f) => f.name === 'name');
    expect(name?.strategy).toEqual({ kind: 'fixed', value: 'testing' });
    expect(plan.cycles).toEqual([]);
  });

  it('reports unusable masking strategies and honours a collection-level delete', () => {
    const plan = buildRequestPlan({
      identities: email,
      datasets: [
        dataset(
          collection(
            'customer',
            [
              field('email', { ...user, fides_meta: { identity: 'email' } }),
              field('ssn', {
                ...user,
                fides_meta: { masking_strategy_override: { strategy: 'aes_encrypt' } },
              }),
            ],
            { fides_meta: { masking_strategy_override: { strategy: 'delete' } } },
          ),
        ),
      ],
    });
    expect(plan.steps[0]?.rowDelete).toBe(true);
    expect(plan.issues.map((i) => i.code)).toEqual(['masking_strategy_unsupported']);
  });
});
