// English wording of a request for explanation about a task that is overdue or was returned: the
// request, its reminder, its escalation to the unit's head and the receipt of the answer.
import { formatDateEn, formatDateTime, workingDaysPhrase } from '../../format';
import type { EscalationTarget } from '../../schemas';
import {
  action,
  clip,
  facts,
  paragraph,
  quote,
  subjectLine,
  type Block,
  type EmailContent,
  type EmailCopy,
  type Fact,
} from '../content';
import type { EmailOf, ExplanationRef, TaskRef } from '../schemas';
import { CLOSING, directiveFacts, due, footer, to, unitEmail } from './common';

const aboutFacts = (e: ExplanationRef, t: TaskRef): Fact[] => [
  { label: 'Task', value: e.about.title },
  { label: 'Task deadline', value: formatDateEn(e.about.deadline) },
  { label: 'Status', value: e.about.status },
  { label: 'Explanation due', value: due(t.deadline, t.workingDaysLeft, t.provisional) },
];

function request(m: EmailOf<'explanation_request'>): EmailContent {
  const e = m.explanation;
  return unitEmail(m, {
    subject: `Request for explanation: ${clip(e.about.title)}`,
    heading: 'REQUEST FOR EXPLANATION',
    blocks: [
      paragraph(
        `In following up document No. ${m.directive.number} of ${m.directive.issuer}, the task below assigned to your agency stands as: ${e.about.status.toLowerCase()}. ${e.askedBy} asks your agency to explain.`,
      ),
      ...quote('What is to be explained', e.question),
      facts(...directiveFacts(m.directive), ...aboutFacts(e, m.task)),
      paragraph(
        `Please send your explanation (with documents, if any) through the link below by ${formatDateEn(m.task.deadline)}.`,
      ),
      action('Send the explanation', m.link),
    ],
  });
}

function reminder(m: EmailOf<'explanation_reminder'>): EmailContent {
  const e = m.explanation;
  return unitEmail(m, {
    subject: `Explanation due: ${clip(e.about.title)} (${workingDaysPhrase(m.task.workingDaysLeft, 'en')})`,
    heading: 'EXPLANATION DUE',
    blocks: [
      paragraph(
        `Your agency has not yet sent the explanation ${e.askedBy} asked for about the task below; it is due on ${formatDateEn(m.task.deadline)}.`,
      ),
      ...quote('What is to be explained', e.question),
      facts(...directiveFacts(m.directive), ...aboutFacts(e, m.task)),
      paragraph('Please send the explanation through the link below without delay.'),
      action('Send the explanation', m.link),
    ],
  });
}

const ADDRESSEE: Record<EscalationTarget, (m: EmailOf<'explanation_escalation'>) => string> = {
  head: (m) => `The head of ${m.unit.name}`,
  supervisor: (m) => `The leader of ${m.directive.issuer} in charge of this area`,
  steering: () => 'The steering committee',
};

function escalation(m: EmailOf<'explanation_escalation'>): EmailContent {
  const e = m.explanation;
  const overdue = -m.task.workingDaysLeft;
  const days = overdue === 1 ? '1 working day' : `${overdue} working days`;
  const blocks: Block[] = [
    paragraph(
      `${m.unit.name} has not sent the explanation ${e.askedBy} asked for about the task below; it is ${days} overdue.`,
    ),
    ...quote('What is to be explained', e.question),
    facts(
      { label: 'Unit', value: `${m.unit.name} (${m.unit.code})` },
      ...directiveFacts(m.directive),
      ...aboutFacts(e, m.task),
    ),
    paragraph('Please direct your agency to send the explanation through the link below at once.'),
    action('See and send the explanation', m.link),
  ];
  return {
    lang: 'en',
    subject: subjectLine(m.directive.number, `Explanation overdue: ${m.unit.name}, ${days}`),
    heading: 'EXPLANATION OVERDUE',
    addressee: to(m.addressee ?? ADDRESSEE[m.to](m)),
    blocks,
    closing: CLOSING,
    footer: footer('you'),
  };
}

function receipt(m: EmailOf<'explanation_receipt'>): EmailContent {
  const e = m.explanation;
  return unitEmail(m, {
    subject: `Explanation received, No. ${m.receiptNumber}: ${clip(e.about.title)}`,
    heading: 'EXPLANATION RECEIVED',
    blocks: [
      paragraph(`Your agency's explanation has been received; ${e.askedBy} will consider it.`),
      facts(
        { label: 'Receipt number', value: m.receiptNumber },
        { label: 'Received at', value: formatDateTime(m.submittedAt, 'en') },
        ...directiveFacts(m.directive),
        { label: 'Task', value: e.about.title },
        { label: 'Explanation due', value: formatDateEn(m.task.deadline) },
      ),
      action('See what was sent', m.link),
    ],
  });
}

export const enExplanation: Pick<
  EmailCopy,
  'explanation_request' | 'explanation_reminder' | 'explanation_escalation' | 'explanation_receipt'
> = {
  explanation_request: request,
  explanation_reminder: reminder,
  explanation_escalation: escalation,
  explanation_receipt: receipt,
};
