// edXML packages: the public examples read as documents, and what dondoc writes reads back the same.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildDocumentPackage,
  buildStatusPackage,
  EDXML_NS,
  parseEdxml,
  parseEdxmlDocument,
  parseEdxmlStatus,
  type DocumentPackageInput,
} from '../../domain/edxml';

const fixture = (name: string) => readFileSync(path.join(__dirname, '../fixtures/edxml', name));
const utf8 = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('the public example packages', () => {
  it('reads the Government Office package to three provinces: header, trace, signature and its zipped file', () => {
    const pkg = parseEdxmlDocument(fixture('vpcp-7816-three-provinces.edxml'));
    const h = pkg.header;
    expect(h.from).toMatchObject({ organId: '000.00.00.G22', organName: 'Văn phòng Chính phủ', email: 'vpcp@gov.vn' });
    expect(h.to.map((t) => t.organId)).toEqual(['000.00.00.H41', '000.00.00.H14', '000.00.00.G17']);
    expect(h.code).toEqual({ number: '7816', notation: 'VPCP-TTĐT' });
    expect(h.promulgation).toEqual({ place: 'Hà Nội', date: '2019-04-11' });
    expect(h.documentType).toEqual({ type: '1', typeDetail: '0', typeName: 'Công văn' });
    expect(h.subject).toBe('V/v kết nối, liên thông phần mềm quản lý văn bản');
    expect(h.signer?.fullName).toBe('Nguyen Thanh Phuc');
    expect(h.dueDate).toBe('2019-04-11');
    expect(h.toPlaces).toEqual(['Cac bo va co quan ngang bo', 'Uy ban nhan dan cac tinh, TP']);
    expect(h.otherInfo?.appendixes).toHaveLength(1);
    expect(h.steeringType).toBe('1');
    expect(h.documentId).toBe('000.00.00.G22,2015/09/30,7816/VPCP-TTĐT');
    expect(pkg.traces).toEqual([{ organId: '000.00.00.G22', timestamp: '2019/04/11 00:00:00' }]);
    expect(pkg.business?.staff[0]?.staff).toBe('Nguyễn Thị Ngọc Trâm');
    expect(pkg.signature).toEqual({
      method: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
      subjectName: 'CN=user05',
      certificate: 'MIIFqTCCBJG',
    });
    expect(pkg.attachments).toHaveLength(1);
    const [file] = pkg.attachments;
    expect(file).toMatchObject({ contentId: 'cid:209', name: '1896_QD-TTg_m_294779.doc', mimeType: 'application/zip' });
    // A zip archive ("PK\3\4") of 4,151 bytes, whose own CRC check passes.
    expect([...file.bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(file.bytes.byteLength).toBe(4151);
  });

  it('reads the commune package whose number is not numeric and whose recipient code is malformed, as written', () => {
    const pkg = parseEdxmlDocument(fixture('edoc-new-cut.edxml'));
    expect(pkg.header.code).toEqual({ number: '74fass22', notation: 'VPCP-TTĐT' });
    expect(pkg.header.to[0].organId).toBe('28.22.H17');
    expect(pkg.header.from.organName).toMatch(/^UBND xã Hòa Tiến/);
    expect(pkg.header.dueDate).toBe('2018-09-28');
    expect(pkg.attachments[0].bytes.byteLength).toBe(768);
  });

  it('refuses the test-case template, whose From is opened twice and closed once, naming the tags', () => {
    expect(() => parseEdxml(fixture('test-case-template.edxml'))).toThrow(
      'not well-formed XML: Opening and ending tag mismatch: "edXML:From" != "edXML:MessageHeader"',
    );
  });
});

const sender = {
  organId: '000.00.00.H42',
  organName: 'Ủy ban nhân dân tỉnh Ninh Bình',
  email: 'vanphong@ubnd.ninhbinh.example.vn',
};
const docx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 1, 2, 250, 251, 252, 253, 254, 255]);
const reminder: DocumentPackageInput = {
  from: sender,
  to: [
    { organId: '000.00.01.H42', organName: 'Sở Thông tin và Truyền thông' },
    { organId: '000.00.02.H42', organName: 'Công an tỉnh' },
  ],
  code: { number: '45', notation: 'UBND-VP9' },
  promulgation: { place: 'Ninh Bình', date: '2023-03-05' },
  documentType: { type: '2', typeName: 'Công văn' },
  subject: 'V/v đôn đốc thực hiện nhiệm vụ được giao tại Văn bản số 524/UBND-VP9',
  content: 'Đề nghị các cơ quan, đơn vị khẩn trương hoàn thành nhiệm vụ <đúng hạn> & báo cáo.',
  signer: { competence: 'KT. CHỦ TỊCH', position: 'PHÓ CHỦ TỊCH', fullName: 'Trần Minh Quang' },
  dueDate: '2023-03-12',
  toPlaces: ['Như trên', 'Lãnh đạo UBND tỉnh'],
  responseFor: [
    { organId: '000.00.00.G22', code: '7816/VPCP-TTĐT', promulgationDate: '2019-04-11', documentId: 'x-1' },
  ],
  sentAt: Date.UTC(2023, 2, 5, 2, 30, 0),
  attachments: [{ name: 'cong-van-don-doc-45.docx', bytes: docx }],
};

describe('a document package dondoc writes', () => {
  it('reads back with the same header, trace and file', () => {
    const pkg = parseEdxmlDocument(buildDocumentPackage(reminder));
    const h = pkg.header;
    expect(h.from).toEqual(sender);
    expect(h.to).toEqual(reminder.to);
    expect(h.code).toEqual(reminder.code);
    expect(h.promulgation).toEqual(reminder.promulgation);
    expect(h.documentType).toEqual(reminder.documentType);
    expect([h.subject, h.content, h.dueDate]).toEqual([reminder.subject, reminder.content, reminder.dueDate]);
    expect(h.signer).toEqual(reminder.signer);
    expect(h.toPlaces).toEqual(reminder.toPlaces);
    expect(h.responseFor).toEqual(reminder.responseFor);
    expect(h.documentId).toBe('000.00.00.H42,2023/03/05,45/UBND-VP9');
    // 02:30 UTC is 09:30 in Vietnam.
    expect(pkg.traces).toEqual([{ organId: '000.00.00.H42', timestamp: '2023/03/05 09:30:00' }]);
    expect(pkg.attachments).toHaveLength(1);
    expect(pkg.attachments[0]).toMatchObject({
      name: 'cong-van-don-doc-45.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    expect([...pkg.attachments[0].bytes]).toEqual([...docx]);
  });

  it('writes every element with the edXML: prefix in the QCVN 102 namespace, and the same bytes each time', () => {
    const bytes = buildDocumentPackage(reminder);
    const xml = utf8(bytes);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<edXML ')).toBe(true);
    expect(xml).toContain(`xmlns:edXML="${EDXML_NS}"`);
    const unprefixed = [...xml.matchAll(/<\/?([A-Za-z][\w.-]*)(?=[\s>/])/g)]
      .map((m) => m[1])
      .filter((n) => n !== 'edXML');
    expect(unprefixed).toEqual([]);
    expect(xml).toContain(
      '<edXML:Code><edXML:CodeNumber>45</edXML:CodeNumber><edXML:CodeNotation>UBND-VP9</edXML:CodeNotation></edXML:Code>',
    );
    expect(xml).toContain('&lt;đúng hạn&gt; &amp; báo cáo');
    expect(buildDocumentPackage(reminder)).toEqual(bytes);
  });

  it('refuses to write a sender without a real organisation code, or text with a control character, by field', () => {
    expect(() => buildDocumentPackage({ ...reminder, from: { ...sender, organId: 'H42' } })).toThrow(
      'from.organId: an organisation code (mã định danh) looks like 000.00.00.H41',
    );
    expect(() => buildDocumentPackage({ ...reminder, subject: 'Đôn đốc\u0007' })).toThrow(
      'subject: contains a control character',
    );
    expect(() => buildDocumentPackage({ ...reminder, to: [] })).toThrow(
      'to: a package goes to at least one organisation',
    );
  });
});

describe('a status package', () => {
  it('reads back: which document, who, the code and its Vietnamese name, when', () => {
    const bytes = buildStatusPackage({
      responseFor: {
        organId: '000.00.00.G22',
        code: '7816/VPCP-TTĐT',
        promulgationDate: '2019-04-11',
        documentId: '000.00.00.G22,2019/04/11,7816/VPCP-TTĐT',
      },
      from: { organId: '000.00.01.H42', organName: 'Sở Thông tin và Truyền thông' },
      statusCode: '05',
      at: Date.UTC(2023, 2, 6, 1, 0, 0),
      staff: { department: 'Văn phòng', staff: 'Phạm Thị Hạnh' },
    });
    const pkg = parseEdxmlStatus(bytes);
    expect(pkg.status).toEqual({
      responseFor: {
        organId: '000.00.00.G22',
        code: '7816/VPCP-TTĐT',
        promulgationDate: '2019-04-11',
        documentId: '000.00.00.G22,2019/04/11,7816/VPCP-TTĐT',
      },
      from: { organId: '000.00.01.H42', organName: 'Sở Thông tin và Truyền thông' },
      statusCode: '05',
      description: 'Đang xử lý',
      timestamp: '2023/03/06 08:00:00',
      staff: { department: 'Văn phòng', staff: 'Phạm Thị Hạnh' },
    });
    expect(utf8(bytes)).toContain('<edXML:Status><edXML:ResponseFor>');
    expect(() => parseEdxmlDocument(bytes)).toThrow('edXMLHeader/Status: this is a status package, not a document');
  });

  it('is written only with a code of the regulation', () => {
    expect(() =>
      buildStatusPackage({
        responseFor: { organId: '000.00.00.G22', code: '1/X', documentId: 'd' },
        from: { organId: '000.00.01.H42', organName: 'Sở' },
        statusCode: '09' as '05',
        at: 0,
      }),
    ).toThrow(/^statusCode: /);
  });
});
