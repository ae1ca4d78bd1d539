// The importer measured on the corpus of real dispatches (test/fixtures/dispatches/corpus): what
// `npm run eval:import` prints, held above the goal so that a change that drafts worse fails here.
import { parseDispatch } from '../../domain/dispatch';
import { readCorpus } from '../import-eval/corpus';
import { scoreDocument, totalsOf } from '../import-eval/measure';

const corpus = readCorpus();
const scores = corpus.map((doc) => scoreDocument(doc, parseDispatch));
const totals = totalsOf(scores);

describe('the import corpus', () => {
  it('holds at least 40 real dispatches, each expected task a unit of its directory', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    for (const doc of corpus) {
      const codes = new Set(doc.directory.units.map((u) => u.code));
      const named = doc.expected.tasks.map(([unit]) => unit).filter((u) => !u.startsWith('each:'));
      expect([doc.name, named.filter((u) => !codes.has(u))]).toEqual([doc.name, []]);
    }
  });

  it('is drafted with task-level F1 of at least 0.95, no junk task and no text refused', () => {
    expect({ refused: totals.refused, junk: totals.junk }).toEqual({ refused: 0, junk: 0 });
    expect(totals.f1).toBeGreaterThanOrEqual(0.95);
    expect(totals.precision).toBeGreaterThanOrEqual(0.95);
  });

  it('reads the number and date of at least nine headers in ten', () => {
    expect(totals.headerRight / totals.headerFields).toBeGreaterThanOrEqual(0.9);
  });
});
