// Phrases every English email shares: the addressee line, the directive and deadline facts,
// the closing and the footer about the personal link.
import { formatDateEn, workingDaysPhrase } from '../../format';
import { subjectLine, type Block, type EmailContent, type Fact } from '../content';
import type { DirectiveRef, TaskRef, UnitRef } from '../schemas';

export const CLOSING = 'Kind regards.';
const NO_REPLY = 'This email was sent automatically by the task follow-up system; please do not reply to it.';

export function footer(holder: string): string[] {
  return [
    `The link in this email was issued to ${holder} only; please do not forward this email to anyone else.`,
    NO_REPLY,
  ];
}

export const to = (name: string): string => `To: ${name}`;
export const pursuant = (d: DirectiveRef): string => `Under document No. ${d.number} of ${d.issuer}`;
/** A date with the working days left; "provisional" when its year's days off are not announced yet. */
export const due = (date: string, workingDaysLeft: number, provisional = false): string =>
  `${formatDateEn(date)} (${workingDaysPhrase(workingDaysLeft, 'en')}${provisional ? '; provisional until the days off are announced' : ''})`;

export const directiveFacts = (d: DirectiveRef): Fact[] => [
  { label: 'Document', value: `No. ${d.number} of ${d.issuer}` },
  { label: 'Subject', value: d.title },
];
export const deadlineFact = (t: TaskRef): Fact => ({
  label: 'Deadline',
  value: due(t.deadline, t.workingDaysLeft, t.provisional),
});
export const taskFacts = (t: TaskRef): Fact[] => [{ label: 'Task', value: t.title }, deadlineFact(t)];

/** The skeleton shared by the messages about one task of one unit. */
export function unitEmail(
  m: { unit: UnitRef; directive: DirectiveRef },
  parts: { subject: string; heading: string; blocks: Block[] },
): EmailContent {
  return {
    lang: 'en',
    subject: subjectLine(m.directive.number, parts.subject),
    heading: parts.heading,
    addressee: to(m.unit.name),
    blocks: parts.blocks,
    closing: CLOSING,
    footer: footer(m.unit.name),
  };
}
