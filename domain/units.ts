// The directory of units a directive can assign tasks to, and how a phrase of a dispatch
// ("Sở TT&TT", "Công an tỉnh", "UBND các huyện, thành phố") is matched against it.
import { z } from 'zod';
import { OrgUnitSchema, UnitCodeSchema } from './schemas';

/** A unit as the directory holds it: an OrgUnit plus the other names documents give it. */
export const DirectoryUnitSchema = OrgUnitSchema.extend({ aliases: z.array(z.string().trim().min(1)).default([]) });
export type DirectoryUnit = z.infer<typeof DirectoryUnitSchema>;

/** A group recipient ("Các sở, ban, ngành tỉnh") stands for each of its member units. */
export const UnitGroupSchema = z.object({
  name: z.string().trim().min(1),
  aliases: z.array(z.string().trim().min(1)).default([]),
  members: z.array(UnitCodeSchema).min(1),
});
export type UnitGroup = z.infer<typeof UnitGroupSchema>;

export const UnitDirectorySchema = z
  .object({ units: z.array(DirectoryUnitSchema).min(1), groups: z.record(UnitCodeSchema, UnitGroupSchema).default({}) })
  .superRefine((d, ctx) => {
    const codes = new Set<string>();
    d.units.forEach((u, i) => {
      if (codes.has(u.code))
        ctx.addIssue({ code: 'custom', path: ['units', i, 'code'], message: `unit ${u.code} is listed twice` });
      codes.add(u.code);
    });
    // A package names its recipients by organisation code: one code, one unit.
    const organIds = new Map<string, string>();
    d.units.forEach((u, i) => {
      if (!u.organId) return;
      const other = organIds.get(u.organId);
      if (other)
        ctx.addIssue({
          code: 'custom',
          path: ['units', i, 'organId'],
          message: `organisation code ${u.organId} is also that of ${other}`,
        });
      else organIds.set(u.organId, u.code);
    });
    d.units.forEach((u, i) => {
      if (u.parent && !codes.has(u.parent))
        ctx.addIssue({ code: 'custom', path: ['units', i, 'parent'], message: `no unit ${u.parent}` });
    });
    for (const [code, g] of Object.entries(d.groups)) {
      if (codes.has(code))
        ctx.addIssue({ code: 'custom', path: ['groups', code], message: `group ${code} has the code of a unit` });
      g.members.forEach((m, i) => {
        if (!codes.has(m))
          ctx.addIssue({ code: 'custom', path: ['groups', code, 'members', i], message: `no unit ${m}` });
      });
    }
  });
export type UnitDirectory = z.infer<typeof UnitDirectorySchema>;

export * from './vi-text';
export * from './unit-match';
