// The language-neutral shape of an email: what the layout templates lay out. Each language's
// copy turns a message into this shape; the layout turns it into HTML and plain text.
import type { Lang } from '../format';
import type { EmailKind, EmailOf } from './schemas';

export interface Fact {
  label: string;
  value: string;
}
export interface Action {
  label: string;
  url: string;
}

export type Block =
  | { type: 'paragraph'; text: string }
  | { type: 'facts'; rows: Fact[] }
  /** Text someone wrote (task body, reviewer's comment, reason), kept line by line. */
  | { type: 'quote'; label: string; lines: string[] }
  | { type: 'table'; caption: string; headers: string[]; rows: string[][] }
  | { type: 'action'; action: Action }
  /** One task of a digest, with its own link. */
  | { type: 'item'; title: string; facts: Fact[]; action: Action };

export interface EmailContent {
  lang: Lang;
  subject: string;
  /** The document-style title line, e.g. "NHẮC HẠN THỰC HIỆN NHIỆM VỤ". */
  heading: string;
  /** "Kính gửi: Sở Thông tin và Truyền thông". */
  addressee: string;
  blocks: Block[];
  closing: string;
  footer: string[];
}

/** One language's wording of every kind; the mapped type makes a missing kind a type error. */
export type EmailCopy = { [K in EmailKind]: (message: EmailOf<K>) => EmailContent };

/** "[524/UBND-VP9] ": subjects start with the directive number so units can file and search them. */
export function emailSubjectPrefix(directiveNumbers: string | readonly string[]): string {
  const numbers = [...new Set(typeof directiveNumbers === 'string' ? [directiveNumbers] : directiveNumbers)];
  const shown = numbers.length > 3 ? [...numbers.slice(0, 2), `+${numbers.length - 2}`] : numbers;
  return `[${shown.join(', ')}] `;
}

/** A subject is one line: mail headers must not carry line breaks taken from user data. */
export function subjectLine(directiveNumbers: string | readonly string[], text: string): string {
  return oneLine(emailSubjectPrefix(directiveNumbers) + text);
}

export function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Shortens a title for a subject line, on a word boundary where one is near. */
export function clip(s: string, max = 90): string {
  const text = oneLine(s);
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

/** The non-empty lines of free text, for quote blocks. */
export function linesOf(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

export const paragraph = (text: string): Block => ({ type: 'paragraph', text });
export const facts = (...rows: Fact[]): Block => ({ type: 'facts', rows });
export const action = (label: string, url: string): Block => ({ type: 'action', action: { label, url } });

/** A quote block, or nothing when there is no text to quote. */
export function quote(label: string, text: string | undefined): Block[] {
  const lines = linesOf(text);
  return lines.length > 0 ? [{ type: 'quote', label, lines }] : [];
}

/** Most urgent first, so a long digest starts with what matters today. */
export function byUrgency<T extends { task: { workingDaysLeft: number; deadline: string } }>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) => a.task.workingDaysLeft - b.task.workingDaysLeft || a.task.deadline.localeCompare(b.task.deadline),
  );
}
