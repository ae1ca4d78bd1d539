// Reading a dispatch's text into a draft directive. Whatever the text does not say with
// confidence becomes a question next to a placeholder, never a silent guess.
import { DocumentNumberSchema, type DirectiveInput, type OrgUnit } from '../schemas';
import { leadingChain } from './assign';
import { matchUnits, readUnitPhrase, type UnitDirectory } from '../units';
import { clausesOf, deadlineCues, isPeriodic, untilYear } from './cues';
import { readHeader, type Header } from './header';
import { readLegalBases } from './legal';
import { readProse } from './prose';
import { proseTasks } from './prose-tasks';
import { say } from './questions';
import { readSchedule } from './schedule';
import { closesDispatch, provinceScope, readIssuer } from './scope';
import { readBody, type Body } from './sections';
import { buildTasks } from './tasks';
import { toLines, type Line } from './text';
import { DispatchError, PLACEHOLDER, type AskedQuestion, type DispatchDraft } from './types';

// "Giao Sở Tư pháp chủ trì …", "Đối với Công an tỉnh: …": the verb is not part of the unit's name.
const HEADING_VERB = /^(giao|đề nghị|yêu cầu|đối với|riêng)\s+/i;

export function parseDispatch(text: string, directory: UnitDirectory): DispatchDraft {
  const lines = toLines(text);
  const header = readHeader(lines);
  const opening = lines.filter((l) => (header.lastLine ? l.no <= header.lastLine : l.no <= 12));
  const scope = provinceScope(directory, opening.map((l) => l.text).join('\n'));
  const issuer = readIssuer(header.issuerLines, scope);
  const body = readBody(
    lines,
    header.lastLine,
    {
      namesUnit: (heading) => leadingChain(readUnitPhrase(heading.replace(HEADING_VERB, ''), scope)).length > 0,
      closes: (t, afterOthers) => closesDispatch(t, afterOthers, issuer, scope),
    },
    header.sentenceLine ?? header.lastLine + 1,
  );
  const questions: AskedQuestion[] = [];
  const directive = openingFields(header, issuer.name, questions);
  const legal = readLegalBases(citingTexts(lines, body), directive.number);
  questions.push(...legal.questions);

  const sectionClauses = body.sections.flatMap((s) => [
    ...clausesOf(s.heading, s.line),
    ...s.paragraphs.flatMap((p) => clausesOf(p.text, p.line)),
  ]);
  const closing = body.closing.flatMap((p) => clausesOf(p.text, p.line));
  const proseClauses = body.prose.flatMap((p) => clausesOf(p.text, p.line));
  const allText = lines.map((l) => l.text).join('\n');
  const schedule = readSchedule(
    [...sectionClauses, ...closing, ...proseClauses],
    directive.issuedOn,
    untilYear(allText),
  );
  questions.push(...schedule.questions, ...body.questions);

  const year = /^\d{4}/.test(directive.issuedOn) ? Number(directive.issuedOn.slice(0, 4)) : undefined;
  const recipients = recipientUnits(header, scope);
  const firstLine = lines.find((l) => l.text)?.no;
  const prose = readProse(body.prose, { directory: scope, issuer: issuer.code, recipients, firstLine });
  // A web page without a header says who speaks ("Chủ tịch UBND tỉnh đề nghị …"): that is the issuer.
  const speaker = prose.senders[0];
  if (!directive.issuer && speaker) {
    directive.issuer = speaker.name;
    questions.splice(
      questions.findIndex((q) => q.code === 'issuer.missing'),
      1,
    );
  }
  const common = deadlineCues(
    [...closing, ...prose.common].filter((c) => !isPeriodic(c)),
    year,
  );
  const built = buildTasks(body.sections, { directory: scope, issuer: issuer.code, issuedYear: year, common });
  const fromProse = proseTasks(prose, built.tasks, { issuedYear: year, common });
  const tasks = [...built.tasks, ...fromProse.tasks];
  if (!tasks.length && !header.number && !header.subject && !header.recipients.length) {
    const first = lines.find((l) => l.text)!;
    throw new DispatchError(
      first.no,
      'not a dispatch: found no "Số:" line, no "V/v" subject, no "Kính gửi", no "… ban hành Công văn số …" sentence and no task given to a unit',
    );
  }
  // Names that are no unit are asked about in the order the text gives them.
  const taskQuestions = [...built.questions, ...fromProse.questions(built.tasks.length)];
  const byLine = (q: AskedQuestion) => (q.path === 'tasks' ? (q.line ?? 0) : -1);
  questions.push(
    ...taskQuestions.filter((q) => byLine(q) < 0),
    ...taskQuestions.filter((q) => byLine(q) >= 0).sort((a, b) => byLine(a) - byLine(b)),
  );
  if (!tasks.length) questions.push({ path: 'tasks', ...say('tasks.none') });
  questions.push(
    ...recipientQuestions(header, [...tasks.map((t) => t.unit), ...(issuer.code ? [issuer.code] : [])], scope),
  );

  return {
    directive: {
      ...directive,
      legalBases: legal.bases.map((b) => b.number),
      ...(header.confidential ? { confidentiality: 'confidential' as const } : {}),
      schedule: schedule.schedule,
      tasks,
    },
    recipients: header.recipients.map((r) => r.value),
    ...(header.place ? { place: header.place } : {}),
    legalBases: legal.bases,
    adHocReports: schedule.adHoc,
    reportCycles: schedule.cycles,
    ...(schedule.dataPeriod ? { dataPeriod: schedule.dataPeriod } : {}),
    unitNames: { ...built.unitNames, ...fromProse.unitNames },
    questions,
  };
}

type Opening = Pick<DirectiveInput, 'number' | 'title' | 'issuer' | 'issuedOn'>;

function openingFields(header: Header, issuer: string | undefined, questions: AskedQuestion[]): Opening {
  const ask = (path: string, said: ReturnType<typeof say>, line?: number) =>
    questions.push({ path, ...said, ...(line ? { line } : {}) });
  const n = header.number;
  let number: string = PLACEHOLDER.number;
  if (!n) ask('number', say('number.missing'));
  else if (!n.value.number) {
    number = `${PLACEHOLDER.number}${n.value.raw.replace(/^[^/]*/, '')}`;
    ask('number', say('number.blank', { raw: n.value.raw }), n.line);
  } else {
    number = n.value.number;
    if (!DocumentNumberSchema.safeParse(number).success) ask('number', say('number.malformed', { number }), n.line);
  }
  const d = header.issuedOn;
  let issuedOn: string = PLACEHOLDER.date;
  if (!d) ask('issuedOn', say('issuedOn.missing'));
  else if (!d.value) ask('issuedOn', say('issuedOn.blank'), d.line);
  else if ('invalid' in d.value) ask('issuedOn', say('date.invalid', { raw: d.value.invalid }), d.line);
  else issuedOn = d.value.iso;
  if (!header.subject) ask('title', say('title.missing'));
  if (!issuer) ask('issuer', say('issuer.missing'));
  return { number, title: header.subject?.value ?? '', issuer: issuer ?? '', issuedOn };
}

/** The opening, the subject and the footnotes cite the bases; the sections cite topics. */
function citingTexts(lines: Line[], body: Body) {
  const opening = lines.filter((l) => l.no < body.openingEnd && l.text).map((l) => ({ text: l.text, line: l.no }));
  return [...opening, ...body.footnotes.map((f) => ({ text: f.text, line: f.line }))];
}

// A recipient list repeats its names (a pasted list may hold thousands): each is matched once.
const recipientMatches = new WeakMap<UnitDirectory, Map<string, ReturnType<typeof matchUnits>>>();

function matchRecipient(name: string, directory: UnitDirectory): ReturnType<typeof matchUnits> {
  let memo = recipientMatches.get(directory);
  if (!memo) recipientMatches.set(directory, (memo = new Map()));
  let match = memo.get(name);
  if (!match) {
    match = matchUnits(name, directory);
    if (memo.size < 1000) memo.set(name, match);
  }
  return match;
}

/** The units of the "Kính gửi" lines: who "các đơn vị" stands for. */
function recipientUnits(header: Header, directory: UnitDirectory): OrgUnit[] {
  const units = header.recipients.flatMap((r) => matchRecipient(r.value, directory).units);
  return [...new Map(units.map((u) => [u.code, u])).values()];
}

/** Each "Kính gửi" recipient should be a known unit with a task (or the sender), or the reader should know why not. */
function recipientQuestions(header: Header, taskUnits: string[], directory: UnitDirectory): AskedQuestion[] {
  const assigned = new Set(taskUnits);
  return header.recipients.flatMap((r, i): AskedQuestion[] => {
    const match = matchRecipient(r.value, directory);
    const path = `recipients.${i}`;
    if (!match.units.length) return [{ path, ...say('recipient.unknown', { name: r.value }), line: r.line }];
    const idle = match.units.filter((u) => !assigned.has(u.code)).map((u) => u.code);
    return idle.length
      ? [{ path, ...say('recipient.idle', { name: r.value, codes: idle.join(', ') }), line: r.line }]
      : [];
  });
}
