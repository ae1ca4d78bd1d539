// Packages come from other systems: a malformed or hostile one is refused before it does harm,
// and the refusal names what was refused and where.
import {
  buildDocumentPackage,
  EdxmlError,
  parseEdxml,
  parseEdxmlDocument,
  type EdxmlRefusal,
} from '../../domain/edxml';

const NS = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';
const good = new TextDecoder().decode(
  buildDocumentPackage({
    from: { organId: '000.00.00.H42', organName: 'Ủy ban nhân dân tỉnh Ninh Bình' },
    to: [{ organId: '000.00.01.H42', organName: 'Sở Thông tin và Truyền thông' }],
    code: { number: '524', notation: 'UBND-VP9' },
    promulgation: { date: '2022-12-21' },
    subject: 'V/v thực hiện Quyết định số 1079/QĐ-TTg',
    sentAt: 0,
    attachments: [{ name: 'cv-524.txt', bytes: new TextEncoder().encode('Kính gửi: Sở Thông tin và Truyền thông') }],
  }),
);

function refusal(
  input: string | Uint8Array,
  options?: { maxBytes?: number },
): { reason: EdxmlRefusal; message: string } {
  try {
    parseEdxml(input, options);
  } catch (err) {
    if (err instanceof EdxmlError) return { reason: err.reason, message: err.message };
    throw err;
  }
  throw new Error('the package was accepted');
}

describe('hostile packages', () => {
  it('refuses an external entity (XXE) and names it, without opening the file', () => {
    const xxe = good
      .replace(
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE edXML [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n',
      )
      .replace('V/v thực hiện', '&secret;');
    expect(refusal(xxe)).toEqual({
      reason: 'EXTERNAL_ENTITY',
      message:
        'refused an external entity: secret SYSTEM "file:///etc/passwd" (a package may not make the reader fetch or open anything)',
    });
  });

  it('refuses the billion laughs (entities that expand into entities) at once', () => {
    const lol = Array.from({ length: 10 }, (_, i) =>
      i === 0 ? '<!ENTITY lol0 "lol">' : `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`,
    ).join('');
    const bomb = good.replace('<edXML ', `<!DOCTYPE edXML [${lol}]>\n<edXML `).replace('V/v thực hiện', '&lol9;');
    const started = Date.now();
    expect(refusal(bomb)).toEqual({
      reason: 'ENTITY',
      message: 'refused 10 entity declarations (lol0, lol1, lol2, …): entity expansion is not allowed',
    });
    expect(Date.now() - started).toBeLessThan(200);
  });

  it('refuses a DOCTYPE even without entities', () => {
    expect(refusal(good.replace('<edXML ', '<!DOCTYPE edXML SYSTEM "edxml.dtd">\n<edXML '))).toEqual({
      reason: 'EXTERNAL_ENTITY',
      message: expect.stringContaining('edxml.dtd') as string,
    });
    expect(refusal(good.replace('<edXML ', '<!DOCTYPE edXML>\n<edXML '))).toEqual({
      reason: 'DOCTYPE',
      message: 'refused a DOCTYPE declaration: edXML packages have none',
    });
  });

  it('refuses a package over the size limit before reading it', () => {
    expect(refusal(new Uint8Array(3 * 1024 * 1024), { maxBytes: 2 * 1024 * 1024 })).toEqual({
      reason: 'TOO_LARGE',
      message: 'the package is 3.0 MB; at most 2.0 MB is read',
    });
  });

  it('refuses bytes that are not UTF-8, and another declared encoding', () => {
    expect(refusal(new Uint8Array([0x3c, 0x61, 0xff, 0xfe, 0x3e])).reason).toBe('NOT_UTF8');
    expect(refusal(good.replace('encoding="UTF-8"', 'encoding="windows-1258"'))).toEqual({
      reason: 'ENCODING',
      message: 'the package declares encoding windows-1258; only UTF-8 is read',
    });
  });
});

describe('malformed packages', () => {
  it('refuses a wrong namespace by name', () => {
    const wrong = good.replaceAll(NS, 'http://www.mic.gov.vn/TBT/QCVN_102_2015');
    expect(refusal(wrong)).toEqual({
      reason: 'NAMESPACE',
      message: `edXML: the namespace is http://www.mic.gov.vn/TBT/QCVN_102_2015; expected ${NS}`,
    });
    // An envelope in another namespace inside a right wrapper is refused too, not taken for missing.
    const inner = good
      .replace('<edXML:edXMLEnvelope>', '<x:edXMLEnvelope xmlns:x="urn:other">')
      .replace('</edXML:edXMLEnvelope>', '</x:edXMLEnvelope>');
    expect(refusal(inner)).toEqual({
      reason: 'NAMESPACE',
      message: `edXMLEnvelope: the namespace is urn:other; expected ${NS}`,
    });
  });

  it('refuses a missing Code, CodeNumber or Subject by its path', () => {
    expect(refusal(good.replace(/<edXML:Code>.*?<\/edXML:Code>/, ''))).toEqual({
      reason: 'MISSING',
      message: 'edXMLEnvelope/edXMLHeader/MessageHeader/Code: is missing',
    });
    expect(
      refusal(good.replace('<edXML:CodeNumber>524</edXML:CodeNumber>', '<edXML:CodeNumber> </edXML:CodeNumber>'))
        .message,
    ).toBe('edXMLEnvelope/edXMLHeader/MessageHeader/Code/CodeNumber: is empty');
    expect(refusal(good.replace(/<edXML:Subject>.*?<\/edXML:Subject>/, '')).message).toBe(
      'edXMLEnvelope/edXMLHeader/MessageHeader/Subject: is missing',
    );
  });

  it('does not take an element of another namespace for an edXML one', () => {
    const foreign = good.replace('<edXML:Code>', '<x:Code xmlns:x="urn:other">').replace('</edXML:Code>', '</x:Code>');
    expect(refusal(foreign).message).toBe('edXMLEnvelope/edXMLHeader/MessageHeader/Code: is missing');
  });

  it('refuses a date that is not a calendar day, and an attachment that is not base64', () => {
    expect(refusal(good.replace('2022/12/21', '2022/02/30'))).toEqual({
      reason: 'INVALID',
      message:
        'edXMLEnvelope/edXMLHeader/MessageHeader/PromulgationInfo/PromulgationDate: "2022/02/30" is not a date (yyyy/MM/dd)',
    });
    expect(refusal(good.replace(/(ContentTransferEncoded>)[^<]+/, '$1${__StringFromFile(test.txt,,,)}')).message).toBe(
      'edXML/AttachmentEncoded/Attachment/ContentTransferEncoded: is not base64 text',
    );
  });

  it('refuses what is not XML, or not edXML, saying so', () => {
    expect(refusal('Kính gửi: Sở Tư pháp')).toEqual({
      reason: 'NOT_XML',
      message: expect.stringMatching(/^not well-formed XML: /) as string,
    });
    expect(refusal('<?xml version="1.0"?><html><body/></html>')).toEqual({
      reason: 'NOT_EDXML',
      message: 'the root element is <html>, not an edXML package',
    });
  });
});

describe('packages written without the edXML: prefix', () => {
  it('reads a package in the default namespace, and attachments in no namespace, as senders write them', () => {
    const plain = good
      .replace(` xmlns:edXML="${NS}"`, '')
      .replace(/<(\/?)edXML:/g, '<$1')
      // AttachmentEncoded under a prefixed root, with no default namespace: its children are in none.
      .replace(`<edXML xmlns="${NS}">`, `<e:edXML xmlns:e="${NS}">`)
      .replace('</edXML>\n', '</e:edXML>\n')
      .replace('<edXMLEnvelope>', `<edXMLEnvelope xmlns="${NS}">`);
    const pkg = parseEdxmlDocument(plain);
    expect(pkg.header.code).toEqual({ number: '524', notation: 'UBND-VP9' });
    expect(new TextDecoder().decode(pkg.attachments[0].bytes)).toBe('Kính gửi: Sở Thông tin và Truyền thông');
  });
});
