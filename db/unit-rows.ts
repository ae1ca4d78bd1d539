// A unit as a row of `units`, both ways: the columns its upsert writes, and the OrgUnit read back.
import type { PoolClient } from 'pg';
import { refreshUnitLabels } from './unit-labels';
import type { OrgUnit } from '../domain/schemas';
import type { UnitGroup } from './read-model';

export const unitFromRow = (r: Record<string, unknown>): OrgUnit => ({
  code: r.code as string,
  name: r.name as string,
  kind: r.kind as OrgUnit['kind'],
  emails: r.emails as string[],
  head: r.head_email ? { name: (r.head_name as string) ?? '', email: r.head_email as string } : undefined,
  parent: (r.parent as string) ?? undefined,
  supervisorEmails: r.supervisor_emails as string[],
  steeringEmails: r.steering_emails as string[],
  ...(r.organ_id ? { organId: r.organ_id as string } : {}),
  ...(r.focal_email ? { focalPoint: { name: (r.focal_name as string) ?? '', email: r.focal_email as string } } : {}),
  ...(r.substitute_email
    ? {
        substitute: {
          name: (r.substitute_name as string) ?? '',
          email: r.substitute_email as string,
          from: r.substitute_from as string,
          to: r.substitute_to as string,
        },
      }
    : {}),
});

/** A unit's first twelve columns of `units`, in the order its INSERTs list them (code … focal_email). */
export const unitColumns = (u: OrgUnit) => [
  u.code,
  u.name,
  u.kind,
  u.emails,
  u.head?.name ?? null,
  u.head?.email ?? null,
  u.parent ?? null,
  u.supervisorEmails,
  u.steeringEmails,
  u.organId ?? null,
  u.focalPoint?.name ?? null,
  u.focalPoint?.email ?? null,
];

/** Every unit and group, upserted by code: importing a directory twice changes nothing. */
export async function upsertUnitRows(c: PoolClient, units: OrgUnit[], groups: UnitGroup[]): Promise<void> {
  for (const u of units) {
    await c.query(
      `INSERT INTO units (code, name, kind, emails, head_name, head_email, parent, supervisor_emails, steering_emails, organ_id,
         focal_name, focal_email, substitute_name, substitute_email, substitute_from, substitute_to)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16)
       ON CONFLICT (code) DO UPDATE SET name=$2, kind=$3, emails=$4, head_name=$5, head_email=$6, parent=$7,
         supervisor_emails=$8, steering_emails=$9, organ_id=$10, focal_name=$11, focal_email=$12,
         substitute_name=$13, substitute_email=$14, substitute_from=$15, substitute_to=$16, updated_at=now()`,
      [
        ...unitColumns(u),
        u.substitute?.name ?? null,
        u.substitute?.email ?? null,
        u.substitute?.from ?? null,
        u.substitute?.to ?? null,
      ],
    );
  }
  for (const g of groups) {
    await c.query(
      `INSERT INTO unit_groups (code, name, members) VALUES ($1,$2,$3) ON CONFLICT (code) DO UPDATE SET name=$2, members=$3`,
      [g.code, g.name, g.members],
    );
  }
  await refreshUnitLabels(c);
}
