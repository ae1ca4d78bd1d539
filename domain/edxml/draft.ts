// A draft directive from a received edXML package. The header is the registered record of the
// document (its number, date, issuer, subject, due date, recipients) and wins over what the
// text seems to say; the attached document's text, read by the dispatch importer, gives the
// tasks. Without a readable text, each recipient of the package gets one task to check.
import { PLACEHOLDER, say, type AskedQuestion, type DispatchDraft } from '../dispatch';
import { DocumentNumberSchema, type DirectiveInput } from '../schemas';
import { matchUnits, rootOf, unitsUnder, type UnitDirectory } from '../units';
import type { OrgUnit } from '../schemas';
import type { MessageHeader } from './schemas';

type TaskInput = DirectiveInput['tasks'][number];

export interface PackageText {
  /** The draft the dispatch importer made of the attached document's text, and that file's name. */
  read?: { name: string; draft: DispatchDraft };
  /** Why no text was read, for the draft's question (e.g. "only a .doc file is attached"). */
  unread?: string;
}

/** "V/v kết nối …" → "Kết nối …": a title says what, not "về việc". */
export function titleOf(subject: string): string {
  const t = subject.replace(/^\s*(?:V\/v|Về việc|V\.v\.?)\s*[:.]?\s*/iu, '').trim() || subject.trim();
  return t.charAt(0).toLocaleUpperCase('vi') + t.slice(1);
}

interface Recipient {
  /** As the package wrote it: the organisation's name, or a "Nơi nhận" line. */
  label: string;
  units: OrgUnit[];
  via: 'organisation code' | 'name' | 'none';
  /** Units the name only resembles ("UBND Tỉnh Nghệ An" and the directory's provincial committees): asked, never assigned. */
  maybe?: OrgUnit[];
}

/** A recipient is found by its organisation code first, then by its name. */
export function matchRecipient(r: { organId?: string; name?: string }, directory: UnitDirectory): Recipient {
  const label = r.name ?? r.organId ?? '';
  const byCode = r.organId ? directory.units.find((u) => u.organId === r.organId) : undefined;
  if (byCode) return { label, units: [byCode], via: 'organisation code' };
  const byName = r.name ? matchUnits(r.name, directory) : { units: [], confidence: 'none' as const };
  if (byName.confidence === 'exact') return { label, units: byName.units, via: 'name' };
  return { label, units: [], via: 'none', ...(byName.units.length ? { maybe: byName.units } : {}) };
}

/** Names are read within the sender's province when the sender is a unit of the directory ("Các sở, ban, ngành tỉnh" are its own). */
function scopeOf(header: MessageHeader, directory: UnitDirectory): UnitDirectory {
  const sender = directory.units.find((u) => u.organId === header.from.organId);
  return sender ? unitsUnder(directory, rootOf(directory, sender.code)) : directory;
}

export function draftFromPackage(header: MessageHeader, directory: UnitDirectory, text: PackageText): DispatchDraft {
  const scope = scopeOf(header, directory);
  const match = (r: { organId?: string; name?: string }) => {
    const found = matchRecipient(r, scope);
    if (found.via !== 'none' || !r.organId) return found;
    // An organisation code names one unit wherever it is.
    const elsewhere = matchRecipient({ organId: r.organId }, directory);
    return elsewhere.units.length ? { ...elsewhere, label: found.label } : found;
  };
  const recipients = [
    ...header.to.map((t) => match({ organId: t.organId, name: t.organName })),
    ...header.toPlaces.map((p) => match({ name: p })),
  ];
  const base = text.read?.draft ?? headerOnlyDraft(header, recipients, text.unread);
  const questions = [...base.questions];
  const drop = (path: string | RegExp) => {
    for (let i = questions.length - 1; i >= 0; i--)
      if (typeof path === 'string' ? questions[i].path === path : path.test(questions[i].path)) questions.splice(i, 1);
  };
  const d = { ...base.directive };

  const number = `${header.code.number}/${header.code.notation}`;
  const textNumber = text.read && DocumentNumberSchema.safeParse(d.number).success ? d.number : undefined;
  if (DocumentNumberSchema.safeParse(number).success) {
    drop('number');
    if (textNumber && textNumber !== number)
      questions.push({ path: 'number', ...say('edxml.number.differs', { text: textNumber, code: number }) });
    d.number = number;
  } else if (!textNumber) {
    drop('number');
    d.number = PLACEHOLDER.number;
    questions.push({ path: 'number', ...say('edxml.number.malformed', { code: number }) });
  } else questions.push({ path: 'number', ...say('edxml.number.fromText', { code: number }) });

  drop('issuedOn');
  if (text.read && /^\d{4}-/.test(d.issuedOn) && d.issuedOn !== header.promulgation.date)
    questions.push({
      path: 'issuedOn',
      ...say('edxml.issuedOn.differs', { text: d.issuedOn, header: header.promulgation.date }),
    });
  d.issuedOn = header.promulgation.date;
  drop('issuer');
  d.issuer = header.from.organName;
  drop('title');
  d.title = titleOf(header.subject);

  // The package's due date holds for every task whose text sets none.
  d.tasks = (d.tasks ?? []).map((t, i) => {
    if (!header.dueDate || !('date' in t.deadline) || t.deadline.date !== PLACEHOLDER.date) return t;
    drop(`tasks.${i}.deadline`);
    return { ...t, deadline: { date: header.dueDate } };
  });

  const lines = [...base.recipients];
  const assigned = new Set(d.tasks.map((t) => t.unit));
  const sender = matchRecipient({ organId: header.from.organId }, directory).units[0]?.code;
  for (const r of recipients) {
    let i = lines.indexOf(r.label);
    if (i < 0) i = lines.push(r.label) - 1;
    const path = `recipients.${i}`;
    if (!r.units.length)
      questions.push({
        path,
        ...say('edxml.recipient.unknown', { label: r.label, maybe: r.maybe?.map((u) => u.code).join(', ') ?? '' }),
      });
    const idle = r.units.map((u) => u.code).filter((c) => !assigned.has(c) && c !== sender);
    if (idle.length && text.read)
      questions.push({ path, ...say('edxml.recipient.idle', { label: r.label, codes: idle.join(', ') }) });
  }
  return { ...base, directive: d, recipients: lines, questions };
}

/** Without the text, one task per unit the package is addressed to, with its subject and due date. */
function headerOnlyDraft(
  header: MessageHeader,
  recipients: Recipient[],
  unread = 'no attached text was read',
): DispatchDraft {
  const sender = header.from.organId;
  const units = [...new Map(recipients.flatMap((r) => r.units).map((u) => [u.code, u])).values()].filter(
    (u) => u.organId !== sender,
  );
  const deadline = { date: header.dueDate ?? PLACEHOLDER.date };
  const task = (unit: string): TaskInput => ({
    unit,
    role: 'lead',
    title: titleOf(header.subject),
    body: header.content ?? '',
    deadline,
  });
  const tasks = units.length ? units.map((u) => task(u.code)) : [task(PLACEHOLDER.unit)];
  const questions: AskedQuestion[] = [
    { path: 'tasks', ...say('edxml.text.unread', { unread }) },
    ...(units.length ? [] : [{ path: 'tasks.0.unit', ...say('edxml.unit.none') }]),
    ...(header.dueDate ? [] : tasks.map((_, i) => ({ path: `tasks.${i}.deadline`, ...say('edxml.deadline.missing') }))),
  ];
  return {
    directive: { number: '', title: '', issuer: '', issuedOn: '', tasks },
    recipients: [],
    legalBases: [],
    adHocReports: false,
    reportCycles: [],
    unitNames: Object.fromEntries(units.map((u) => [u.code, u.name])),
    questions,
  };
}
