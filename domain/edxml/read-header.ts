// The header elements of a package, read into plain objects for validation: who sent it to whom,
// its number and date, what it answers, and for a status package how far the receiver has got.
import { readEdxmlDate } from './dates';
import type { Reader } from './dom';
import { EdxmlError } from './errors';

function day(r: Reader, name: string, required: boolean): string | undefined {
  const text = required ? r.needText(name) : r.text(name);
  if (text === undefined) return undefined;
  const date = readEdxmlDate(text);
  if (!date) throw new EdxmlError('INVALID', `"${text}" is not a date (yyyy/MM/dd)`, `${r.path}/${name}`);
  return date;
}

const organizationOf = (r: Reader) => ({
  organId: r.needText('OrganId'),
  organName: r.text('OrganName'),
  organizationInCharge: r.text('OrganizationInCharge'),
  organAdd: r.text('OrganAdd'),
  email: r.text('Email'),
  telephone: r.text('Telephone'),
  fax: r.text('Fax'),
  website: r.text('Website'),
});

export const staffOf = (r: Reader) => ({
  department: r.text('Department'),
  staff: r.text('Staff'),
  email: r.text('Email'),
  mobile: r.text('Mobile'),
});

/** A reply's links to what it answers; an empty <ResponseFor/> (some systems always write one) links nothing. */
const responseForOf = (r: Reader) =>
  r.text('OrganId') || r.text('DocumentId') || r.text('Code')
    ? {
        organId: r.needText('OrganId'),
        code: r.needText('Code'),
        promulgationDate: day(r, 'PromulgationDate', false),
        documentId: r.needText('DocumentId'),
      }
    : undefined;

export function messageHeaderOf(m: Reader) {
  const from = m.need('From');
  const code = m.need('Code');
  const promulgation = m.need('PromulgationInfo');
  const type = m.child('DocumentType');
  const signer = m.child('SignerInfo');
  const other = m.child('OtherInfo');
  return {
    from: { ...organizationOf(from), organName: from.needText('OrganName') },
    to: m.children('To').map(organizationOf),
    code: { number: code.needText('CodeNumber'), notation: code.needText('CodeNotation') },
    promulgation: { place: promulgation.text('Place'), date: day(promulgation, 'PromulgationDate', true) },
    documentType: type && {
      type: type.text('Type'),
      typeDetail: type.text('TypeDetail'),
      typeName: type.text('TypeName'),
    },
    subject: m.needText('Subject'),
    content: m.text('Content'),
    signer: signer && {
      competence: signer.text('Competence'),
      position: signer.text('Position'),
      fullName: signer.text('FullName'),
    },
    dueDate: day(m, 'DueDate', false),
    toPlaces: m.list('ToPlaces', 'Place'),
    otherInfo: other && {
      priority: other.text('Priority'),
      sphereOfPromulgation: other.text('SphereOfPromulgation'),
      typerNotation: other.text('TyperNotation'),
      promulgationAmount: other.text('PromulgationAmount'),
      pageAmount: other.text('PageAmount'),
      appendixes: other.list('Appendixes', 'Appendix'),
    },
    steeringType: m.text('SteeringType'),
    responseFor: m.children('ResponseFor').flatMap((r) => responseForOf(r) ?? []),
    documentId: m.text('DocumentId'),
  };
}

export function statusOf(s: Reader) {
  const responseFor = responseForOf(s.need('ResponseFor'));
  if (!responseFor) throw new EdxmlError('MISSING', 'is empty', `${s.path}/ResponseFor`);
  const staff = s.child('StaffInfo');
  return {
    responseFor,
    from: { ...organizationOf(s.need('From')), organName: s.need('From').needText('OrganName') },
    statusCode: s.needText('StatusCode'),
    description: s.text('Description'),
    timestamp: s.text('Timestamp'),
    staff: staff && staffOf(staff),
  };
}
