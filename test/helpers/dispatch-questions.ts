// Questions as the older tests compare them: path, English message and line.
import type { Question } from '../../domain/dispatch';

export const plain = (questions: Question[]) =>
  questions.map(({ path, message, line }) => ({ path, message, ...(line ? { line } : {}) }));
