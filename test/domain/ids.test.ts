// Workflow ids and receipt numbers made from business keys: unique across directives, and a
// district's sub-directive can never take a provincial directive's number.
import { directiveKey, directiveWorkflowId, receiptNumber, taskWorkflowId } from '../../domain/ids';

test('two directives numbered 524 (524/UBND-VP9 and 524/KH-UBND) give the same unit different receipts', () => {
  const a = receiptNumber(taskWorkflowId('524/UBND-VP9', 'NB-CATINH'), 1);
  const b = receiptNumber(taskWorkflowId('524/KH-UBND', 'NB-CATINH'), 1);
  expect(a).toBe('524/UBND-VP9-NB-CATINH-01');
  expect(b).toBe('524/KH-UBND-NB-CATINH-01');
  expect(a).not.toBe(b);
});

test('receipts of two cycles and of two reports of one task differ', () => {
  const q1 = taskWorkflowId('12/KH-UBND', 'NB-STTTT', '2027-Q1');
  const q2 = taskWorkflowId('12/KH-UBND', 'NB-STTTT', '2027-Q2');
  expect(new Set([receiptNumber(q1, 1), receiptNumber(q1, 2), receiptNumber(q2, 1)]).size).toBe(3);
});

test('a district’s sub-directive is keyed under its task, so it cannot take a provincial number', () => {
  const district = taskWorkflowId('524/UBND-VP9', 'NB-UBND-HOALU');
  const sub = directiveKey('45/KH-UBND', district);
  expect(sub).toBe('524/UBND-VP9:NB-UBND-HOALU>45/KH-UBND');
  expect(directiveWorkflowId(sub)).not.toBe(directiveWorkflowId(directiveKey('45/KH-UBND')));
  // Two districts may both number their plan 45/KH-UBND.
  const other = directiveKey('45/KH-UBND', taskWorkflowId('524/UBND-VP9', 'NB-UBND-YENMO'));
  expect(other).not.toBe(sub);
  expect(receiptNumber(taskWorkflowId(sub, 'HL-XA-A'), 1)).not.toBe(receiptNumber(taskWorkflowId(other, 'HL-XA-A'), 1));
});
