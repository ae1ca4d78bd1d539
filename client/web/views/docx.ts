// Draws an administrative document as DOCX with the `docx` library, in the layout of Nghị định
// 30/2020/NĐ-CP: issuer and number at the upper left, national motto and place-date at the upper
// right, "Kính gửi", the body in Times New Roman 14, "Nơi nhận" and the signature at the foot.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { MOTTO, NATIONAL_MOTTO, type AdminDocument } from '../../../domain/admin-document';

const FONT = 'Times New Roman';
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const GRID = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number; // points
}

const run = (text: string, s: RunStyle = {}) =>
  new TextRun({ text, font: FONT, bold: s.bold, italics: s.italics, size: (s.size ?? 14) * 2 });

const para = (
  text: string,
  s: RunStyle & { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: boolean; after?: number } = {},
) =>
  new Paragraph({
    alignment: s.align ?? AlignmentType.LEFT,
    indent: s.indent ? { firstLine: 567 } : undefined,
    spacing: { after: s.after ?? 0, line: 276 },
    children: [run(text, s)],
  });

const centred = (text: string, s: RunStyle & { after?: number } = {}) =>
  para(text, { ...s, align: AlignmentType.CENTER });

/** A short rule under the motto and the issuer, as the decree draws it. */
const rule = () => centred('─────────', { size: 8 });

const cell = (children: Paragraph[], widthPct: number) =>
  new TableCell({
    children,
    width: { size: widthPct, type: WidthType.PERCENTAGE },
    borders: { top: NONE, bottom: NONE, left: NONE, right: NONE },
  });

const twoColumns = (left: Paragraph[], right: Paragraph[], split = 40) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, split), cell(right, 100 - split)] })],
  });

function header(d: AdminDocument): Table {
  const left = [
    ...(d.issuer.parent ? [centred(d.issuer.parent, { size: 13 })] : []),
    centred(d.issuer.name, { bold: true, size: 13 }),
    rule(),
    centred(d.numberLine, { size: 13 }),
    ...(d.subject ? [centred(d.subject, { size: 12 })] : []),
  ];
  const right = [
    centred(NATIONAL_MOTTO, { bold: true, size: 12 }),
    centred(MOTTO, { bold: true, size: 13 }),
    rule(),
    centred(d.placeDate, { italics: true }),
  ];
  return twoColumns(left, right, 38);
}

function dataTable(t: NonNullable<AdminDocument['table']>): Table {
  const row = (cells: string[], bold: boolean) =>
    new TableRow({ children: cells.map((c) => new TableCell({ children: [para(c, { bold, size: 12 })] })) });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: GRID,
    rows: [row(t.header, true), ...t.rows.map((r) => row(r, false))],
  });
}

function footer(d: AdminDocument): Table {
  const left = [
    para('Nơi nhận:', { bold: true, italics: true, size: 12 }),
    ...d.copyTo.map((l) => para(l, { size: 11 })),
  ];
  const right = [
    ...(d.signature.authority ? [centred(d.signature.authority, { bold: true })] : []),
    centred(d.signature.title, { bold: true }),
    centred(''),
    centred(''),
    centred(''),
    centred(d.signature.name, { bold: true }),
  ];
  return twoColumns(left, right, 50);
}

/** An annex: "Phụ lục" and its title centred, the report it goes with in italics, the table, its notes. */
function annexBody(d: AdminDocument, a: NonNullable<AdminDocument['annex']>): ISectionOptions['children'][number][] {
  return [
    centred(a.heading, { bold: true }),
    ...(d.title ?? []).map((line) => centred(line, { bold: true })),
    centred(a.of, { italics: true, after: 160 }),
    ...(d.table ? [dataTable(d.table)] : []),
    para('', { after: 60 }),
    ...a.notes.map((n) => para(n, { align: AlignmentType.JUSTIFIED, size: 12, after: 60 })),
  ];
}

const PORTRAIT = { top: 1134, bottom: 1134, left: 1701, right: 850 };
const LANDSCAPE = { top: 1134, bottom: 1134, left: 1134, right: 1134 };

export async function renderDocx(d: AdminDocument): Promise<Buffer> {
  if (d.annex) {
    const doc = new Document({
      creator: 'dondoc',
      title: d.title?.join(' ') ?? d.annex.heading,
      sections: [
        {
          properties: {
            page: {
              margin: d.landscape ? LANDSCAPE : PORTRAIT,
              size: d.landscape ? { orientation: PageOrientation.LANDSCAPE } : undefined,
            },
          },
          children: annexBody(d, d.annex),
        },
      ],
    });
    return Packer.toBuffer(doc);
  }
  const children: ISectionOptions['children'][number][] = [header(d), para('', { after: 120 })];
  for (const line of d.title ?? []) children.push(centred(line, { bold: true }));
  if (d.recipients.length === 1) children.push(centred(`Kính gửi: ${d.recipients[0]}.`, { after: 120 }));
  if (d.recipients.length > 1) {
    children.push(centred('Kính gửi:'));
    for (const r of d.recipients) children.push(para(`- ${r};`, { indent: true }));
  }
  children.push(para('', { after: 60 }));
  for (const p of d.body) children.push(para(p, { align: AlignmentType.JUSTIFIED, indent: true, after: 120 }));
  if (d.table) children.push(dataTable(d.table), para('', { after: 60 }));
  for (const p of d.closing) children.push(para(p, { align: AlignmentType.JUSTIFIED, indent: true, after: 120 }));
  children.push(footer(d));
  const doc = new Document({
    creator: 'dondoc',
    title: d.subject ?? d.title?.join(' ') ?? d.numberLine,
    sections: [{ properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 850 } } }, children }],
  });
  return Packer.toBuffer(doc);
}
