import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tableRole } from './table-role.ts';

describe('tableRole', () => {
  it('marks staff tables as another data subject, whatever their case or plural', () => {
    for (const name of [
      'employee',
      'Employee',
      'employees',
      'staff',
      'admin_users',
      'BackofficeUser',
      'support_agents',
    ])
      expect(tableRole(name), name).toMatchObject({
        aboutPeople: true,
        subject: 'employee',
        catalogue: false,
      });
    expect(tableRole('vendors')).toMatchObject({ subject: 'supplier_vendor' });
    expect(tableRole('job_candidates')).toMatchObject({ subject: 'job_applicant' });
  });

  it('marks customers and users as the dataset subject', () => {
    for (const name of ['customer', 'Customer', 'users', 'member_profile', 'loyalty'])
      expect(tableRole(name), name).toEqual({ aboutPeople: true, catalogue: false });
  });

  it('marks catalogues by their head word', () => {
    for (const name of [
      'genre',
      'MediaType',
      'media_type',
      'Album',
      'Artist',
      'playlist',
      'PlaylistTrack',
      'products',
      'employee_type',
    ])
      expect(tableRole(name), name).toEqual({ aboutPeople: false, catalogue: true });
    expect(tableRole('invoice')).toEqual({ aboutPeople: false, catalogue: false });
  });

  it('uses only data-subject keys of the fideslang taxonomy', () => {
    const json = JSON.parse(
      readFileSync(new URL('../taxonomy/data/fideslang/data_subjects.json', import.meta.url), 'utf8'),
    );
    const keys = new Set((json.data_subject as { fides_key: string }[]).map((s) => s.fides_key));
    for (const name of [
      'staff',
      'vendor',
      'candidate',
      'lead',
      'patient',
      'shareholder',
      'intern',
      'passenger',
      'contractor',
    ]) {
      const subject = tableRole(name).subject;
      expect(subject, name).toBeDefined();
      expect(keys.has(subject ?? ''), `${name} → ${subject}`).toBe(true);
    }
  });
});
