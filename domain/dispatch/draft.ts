// Reading a dispatch's text into a draft directive. Whatever the text does not say with
// confidence becomes a question next to a placeholder, never a silent guess.
import { DocumentNumberSchema, type DirectiveInput, type ReportingSchedule } from '../schemas';
import { leadingChain } from './assign';
import { matchUnits, readUnitPhrase, type UnitDirectory } from '../units';
import { clausesOf, deadlineCues, isPeriodic, reportingCue, untilYear, type Clause } from './cues';
import { readHeader, type Header } from './header';
import { readLegalBases } from './legal';
import { closesDispatch, provinceScope, readIssuer } from './scope';
import { readBody, type Body } from './sections';
import { buildTasks } from './tasks';
import { stripBullet, toLines, type Line } from './text';
import { DispatchError, PLACEHOLDER, type DispatchDraft, type Question } from './types';

export function parseDispatch(text: string, directory: UnitDirectory): DispatchDraft {
  const lines = toLines(text);
  const header = readHeader(lines);
  if (!header.number && !header.subject && !header.recipients.length) {
    const first = lines.find((l) => l.text)!;
    throw new DispatchError(
      first.no,
      'not a dispatch: found no "Số:" line, no "V/v" subject, no "Kính gửi" and no "… ban hành Công văn số …" sentence',
    );
  }
  const scope = provinceScope(
    directory,
    lines
      .filter((l) => l.no <= header.lastLine)
      .map((l) => l.text)
      .join('\n'),
  );
  const issuer = readIssuer(header.issuerLines, scope);
  const body = readBody(lines, header.lastLine, {
    namesUnit: (heading) => leadingChain(readUnitPhrase(heading, scope)).length > 0,
    closes: (t, afterOthers) => closesDispatch(t, afterOthers, issuer, scope),
  });
  const questions: Question[] = [];
  const directive = openingFields(header, issuer.name, questions);
  const legal = readLegalBases(citingTexts(lines, body), directive.number);
  questions.push(...legal.questions);

  const sectionClauses = body.sections.flatMap((s) => [
    ...clausesOf(s.heading, s.line),
    ...s.paragraphs.flatMap((p) => clausesOf(p.text, p.line)),
  ]);
  const closing = body.closing.flatMap((p) => clausesOf(p.text, p.line));
  const schedule = readSchedule(
    [...sectionClauses, ...closing],
    directive.issuedOn,
    untilYear(lines.map((l) => l.text).join('\n')),
  );
  questions.push(...schedule.questions, ...body.questions);

  const year = /^\d{4}/.test(directive.issuedOn) ? Number(directive.issuedOn.slice(0, 4)) : undefined;
  const common = deadlineCues(closing.filter((c) => !isPeriodic(c)));
  const built = buildTasks(body.sections, { directory: scope, issuer: issuer.code, issuedYear: year, common });
  questions.push(
    ...built.questions,
    ...recipientQuestions(header, [...built.tasks.map((t) => t.unit), ...(issuer.code ? [issuer.code] : [])], scope),
  );

  return {
    directive: {
      ...directive,
      legalBases: legal.bases.map((b) => b.number),
      ...(header.confidential ? { confidentiality: 'confidential' as const } : {}),
      schedule: schedule.schedule,
      tasks: built.tasks,
    },
    recipients: header.recipients.map((r) => r.value),
    ...(header.place ? { place: header.place } : {}),
    legalBases: legal.bases,
    adHocReports: schedule.adHoc,
    unitNames: built.unitNames,
    questions,
  };
}

type Opening = Pick<DirectiveInput, 'number' | 'title' | 'issuer' | 'issuedOn'>;

function openingFields(header: Header, issuer: string | undefined, questions: Question[]): Opening {
  const ask = (path: string, message: string, line?: number) =>
    questions.push({ path, message, ...(line ? { line } : {}) });
  const n = header.number;
  let number: string = PLACEHOLDER.number;
  if (!n) ask('number', 'no "Số:" line; write the number and symbol, e.g. 524/UBND-VP9');
  else if (!n.value.number) {
    number = `${PLACEHOLDER.number}${n.value.raw.replace(/^[^/]*/, '')}`;
    ask('number', `the number is blank ("Số: ${n.value.raw}"); write it once the dispatch is issued`, n.line);
  } else {
    number = n.value.number;
    if (!DocumentNumberSchema.safeParse(number).success)
      ask('number', `"${number}" is not a number and symbol like 524/UBND-VP9`, n.line);
  }
  const d = header.issuedOn;
  let issuedOn: string = PLACEHOLDER.date;
  if (!d) ask('issuedOn', 'no issue date ("<place>, ngày … tháng … năm …")');
  else if (!d.value)
    ask('issuedOn', 'the date is blank ("ngày … tháng … năm …"); write it once the dispatch is issued', d.line);
  else if ('invalid' in d.value) ask('issuedOn', `"${d.value.invalid}" is not a calendar date`, d.line);
  else issuedOn = d.value.iso;
  if (!header.subject) ask('title', 'no "V/v" subject; write a title');
  if (!issuer) ask('issuer', 'no issuing body above "Số:"; write the issuer');
  return { number, title: header.subject?.value ?? '', issuer: issuer ?? '', issuedOn };
}

/** The opening, the subject and the footnotes cite the bases; the sections cite topics. */
function citingTexts(lines: Line[], body: Body) {
  const opening = lines.filter((l) => l.no < body.openingEnd && l.text).map((l) => ({ text: l.text, line: l.no }));
  return [...opening, ...body.footnotes.map((f) => ({ text: f.text, line: f.line }))];
}

function readSchedule(
  clauses: Clause[],
  issuedOn: string,
  until?: number,
): { schedule: ReportingSchedule; adHoc: boolean; questions: Question[] } {
  const cue = reportingCue(clauses);
  const once = { kind: 'once' as const };
  if (!cue.periodic.length) return { schedule: once, adHoc: cue.adHoc, questions: [] };
  const dueDay = cue.dueDays.find((d) => d >= 1 && d <= 28);
  const missing = [
    ...(cue.period ? [] : ['the period (monthly, quarterly, half-yearly, yearly)']),
    ...(dueDay ? [] : [cue.dueDays.length ? 'a due day from 1 to 28' : 'the day reports are due']),
    ...(/^\d{4}/.test(issuedOn) ? [] : ['the start (the issue date)']),
    ...(until ? [] : ['the last year ("đến năm …")']),
  ];
  if (!missing.length)
    return {
      schedule: { kind: 'periodic', period: cue.period!, dueDay: dueDay!, from: issuedOn, until: `${until}-12-31` },
      adHoc: cue.adHoc,
      questions: [],
    };
  const first = cue.periodic[0];
  const message = `"${stripBullet(first.text.trim())}" asks for periodic reports without ${missing.join(', ')}; the schedule is left as once`;
  return {
    schedule: once,
    adHoc: cue.adHoc,
    questions: [{ path: 'schedule', message, ...(first.line ? { line: first.line } : {}) }],
  };
}

/** Each "Kính gửi" recipient should be a known unit with a task (or the sender), or the reader should know why not. */
function recipientQuestions(header: Header, taskUnits: string[], directory: UnitDirectory): Question[] {
  const assigned = new Set(taskUnits);
  return header.recipients.flatMap((r, i): Question[] => {
    const match = matchUnits(r.value, directory);
    const path = `recipients.${i}`;
    if (!match.units.length) return [{ path, message: `"${r.value}" matched no unit`, line: r.line }];
    const idle = match.units.filter((u) => !assigned.has(u.code)).map((u) => u.code);
    return idle.length
      ? [{ path, message: `"${r.value}": no section gives ${idle.join(', ')} a task`, line: r.line }]
      : [];
  });
}
