// renderEmail: a message and a language in, the subject, plain text and HTML of the email out.
import { Eta, type TemplateFunction } from 'eta';
import type { Lang } from '../format';
import type { EmailContent, EmailCopy } from './content';
import { EmailMessageSchema, type EmailMessage } from './schemas';
import { HTML_TEMPLATE, TEXT_TEMPLATE, type LayoutData } from './templates';
import { enChase } from './en/chase';
import { enExplanation } from './en/explanation';
import { enDeadline } from './en/deadline';
import { enTask } from './en/task';
import { viChase } from './vi/chase';
import { viExplanation } from './vi/explanation';
import { viDeadline } from './vi/deadline';
import { viTask } from './vi/task';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const COPY: Record<Lang, EmailCopy> = {
  vi: { ...viTask, ...viDeadline, ...viChase, ...viExplanation },
  en: { ...enTask, ...enDeadline, ...enChase, ...enExplanation },
};

const LINK_FALLBACK: Record<Lang, string> = {
  vi: 'Nếu nút trên không mở được, xin sao chép đường liên kết sau vào trình duyệt:',
  en: 'If the button does not work, copy this link into your browser:',
};

// Plain text must not be HTML-escaped: "<" in a title stays "<" for a text reader.
const htmlEta = new Eta({ autoEscape: true, autoTrim: false });
const textEta = new Eta({ autoEscape: false, autoTrim: false });
const htmlLayout: TemplateFunction = htmlEta.compile(HTML_TEMPLATE);
const textLayout: TemplateFunction = textEta.compile(TEXT_TEMPLATE);

/**
 * Renders one email. The message is validated first, so a caller's mistake (a missing field,
 * a NaN, a non-web link) throws a ZodError instead of reaching a department.
 */
export function renderEmail(message: EmailMessage, lang: Lang = 'vi'): RenderedEmail {
  const content = contentOf(EmailMessageSchema.parse(message), lang);
  const data: LayoutData = { c: content, ui: { linkFallback: LINK_FALLBACK[lang] } };
  return {
    subject: content.subject,
    text: tidyText(textEta.render(textLayout, data)),
    html: tidyHtml(htmlEta.render(htmlLayout, data)),
  };
}

function contentOf(message: EmailMessage, lang: Lang): EmailContent {
  // The copy is keyed by kind, so the entry for message.kind takes exactly this message;
  // TypeScript cannot follow that correlation through an index, hence the widening.
  const write = COPY[lang][message.kind] as (m: EmailMessage) => EmailContent;
  return write(message);
}

function tidyText(text: string): string {
  return `${text
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`.replace(/^--$/m, '-- ');
}

/** Drops the blank lines the template's control tags leave behind. */
function tidyHtml(html: string): string {
  return html.replace(/\n\s*\n/g, '\n');
}
