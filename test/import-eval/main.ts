// `npm run eval:import`: the importer measured on the corpus, per document and in total.
//   npm run eval:import                 the table and the totals
//   npm run eval:import -- --details    also each missed (-) and extra (+) task
//   npm run eval:import -- --json       the scores as JSON
// IMPORT_EVAL_PARSER=<path of a module exporting parseDispatch> measures another importer (an older one).
import path from 'node:path';
import { parseDispatch } from '../../domain/dispatch';
import { readCorpus } from './corpus';
import { scoreDocument, totalsOf, type Parse } from './measure';

const args = new Set(process.argv.slice(2));
const other = process.env.IMPORT_EVAL_PARSER;
const parse: Parse = other ? (require(path.resolve(other)) as { parseDispatch: Parse }).parseDispatch : parseDispatch;

const scores = readCorpus().map((doc) => scoreDocument(doc, parse));
const totals = totalsOf(scores);
if (args.has('--json')) {
  process.stdout.write(`${JSON.stringify({ scores, totals }, null, 2)}\n`);
} else {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const rows = scores.map((s) => [
    s.name,
    `${s.headerRight}/${s.headerFields}`,
    String(s.expected),
    String(s.drafted),
    String(s.matched),
    s.drafted ? pct(s.matched / s.drafted) : '-',
    s.expected ? pct(s.matched / s.expected) : '-',
    String(s.junk),
    `${s.indicatorsFound}/${s.indicatorsExpected}`,
    s.scheduleRight ? 'yes' : 'no',
    String(s.questions),
    s.refused ? 'refused' : '',
  ]);
  const head = [
    'document',
    'header',
    'expected',
    'drafted',
    'matched',
    'precision',
    'recall',
    'junk',
    'indicators',
    'schedule',
    'questions',
    '',
  ];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  process.stdout.write(`${[line(head), ...rows.map(line)].join('\n')}\n\n`);
  if (args.has('--details'))
    for (const s of scores)
      for (const t of [
        ...s.missed.map((m) => `- ${m}`),
        ...s.extra.map((e) => `+ ${e}`),
        ...(s.refused ? [`! ${s.refused}`] : []),
      ])
        process.stdout.write(`${s.name}: ${t}\n`);
  process.stdout.write(
    [
      `documents ${totals.documents} (refused ${totals.refused})`,
      `header fields right ${totals.headerRight}/${totals.headerFields}`,
      `tasks expected ${totals.expected}, drafted ${totals.drafted}, matched ${totals.matched}`,
      `precision ${pct(totals.precision)}, recall ${pct(totals.recall)}, F1 ${totals.f1.toFixed(3)}`,
      `junk tasks ${totals.junk}`,
      `indicators found ${totals.indicatorsFound}/${totals.indicatorsExpected}`,
      `schedules right ${totals.scheduleRight}/${totals.documents}`,
      `questions asked ${totals.questions}`,
    ].join('\n') + '\n',
  );
}
