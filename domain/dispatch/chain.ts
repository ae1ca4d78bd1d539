// A run of units as the administrative style lists them: "Sở Tư pháp, Công an tỉnh và UBND các
// huyện", "Giám đốc các Sở: Nội vụ, Tài chính; Chủ tịch UBND các huyện". Between the names only
// joining words and the titles of the units' heads may stand; anything else ends the run.
import type { OrgUnit } from '../schemas';
import { foldVi, readUnitPhrase, type UnitDirectory, type UnitMention } from '../units';

export interface UnitChain {
  units: OrgUnit[];
  mentions: UnitMention[];
  /** Where the run ends in the text it was read from. */
  end: number;
  /** "các đơn vị", "các cơ quan, đơn vị": every recipient of the dispatch. */
  everyRecipient?: string;
  /** Names that look like units but are not in the directory ("Hội Nông dân tỉnh"). */
  unknown: string[];
}

// Heads of units ("Giám đốc Sở …", "Chủ tịch UBND …") and joining words carry no identity.
const JOINER = String.raw`(?:va|cung|cac|cho|voi|dia phuong|tren dia ban(?: tinh)?|cua tinh|cua thanh pho|cua|truc thuoc trung uong|truc thuoc|thuoc|giam doc|pho giam doc|thu truong|chu tich|truong ban|hieu truong|bo truong|lanh dao|chanh van phong|tong giam doc|tong bien tap|dong chi|ong|ba)`;
const GAP = new RegExp(String.raw`^[\s,;:.()/&\-–—]*(?:${JOINER}\b[\s,;:.()\-–—]*)*$`);
// "các đơn vị", "các cơ quan, đơn vị", "các địa phương", and a bare "các sở" in a text sent to departments.
const EVERY =
  /^[\s,;:]*(?:cac|moi|tat ca cac)\s+(?:(?:co quan,?\s+)?(?:don vi|co quan, don vi)(?:,?\s*(?:dia phuong|to chuc))*|dia phuong|so)(?![\p{L}])(?!,? ban)/u;
const VAGUE = /^[\s,]*(?:co\s+)?lien quan\b/;
// The name of an organisation the directory may not hold ("Hội Nông dân tỉnh"): a head word, then
// words up to punctuation or the verb of the task, at most eight.
const ORG_HEAD =
  /^[\s,;:]*((?:Sở|Ban|Bộ|Hội|Trung tâm|Chi cục|Cục|Phòng|Ủy ban|UBND|Liên đoàn|Tỉnh đoàn|Đoàn|Văn phòng|Báo|Đài|Kho bạc|Ngân hàng|Bảo hiểm|Công ty|Trường|Viện|Bệnh viện)\s)/u;
const TASK_VERB =
  /^(?:chu tri|phoi hop|thuc hien|to chuc|trien khai|xay dung|bao cao|gui|tham muu|nghien cuu|khan truong|chi dao|huong dan|cung cap|tuyen truyen|ra soat|tong hop|co trach nhiem|chiu trach nhiem|de xuat|kiem tra|theo doi|phat hanh|dang|tang cuong|day manh|quan ly|lam|can|se)\b/;

function orgName(text: string): string | undefined {
  const head = ORG_HEAD.exec(text);
  if (!head) return undefined;
  const start = head[0].length - head[1].length;
  const words: string[] = [];
  for (const m of text.slice(start).matchAll(/[^\s,;:.()]+|[,;:.()]/g)) {
    const w = m[0];
    if (/^[,;:.()]$/.test(w) || words.length >= 8) break;
    if (words.length >= 2 && TASK_VERB.test(foldVi(text.slice(start + m.index)))) break;
    words.push(w);
  }
  return words.length >= 2 ? words.join(' ') : undefined;
}

/** The units named at `from` in `text`; plural names followed by "liên quan" name nobody in particular. */
export function chainAt(text: string, directory: UnitDirectory, from = 0, issuer?: string): UnitChain {
  const slice = text.slice(from, from + 600);
  const folded = foldVi(slice);
  const reading = readUnitPhrase(slice, directory);
  const chain: UnitChain = { units: [], mentions: [], end: from, unknown: [] };
  let at = 0;
  for (const m of reading.mentions) {
    const gap = folded.slice(at, m.start);
    const every = EVERY.exec(gap);
    if (every) {
      chain.everyRecipient = slice.slice(at, at + every[0].length).trim();
      at += every[0].length;
      if (!GAP.test(folded.slice(at, m.start))) break;
    } else if (!GAP.test(gap)) {
      const gapText = slice.slice(at, m.start);
      const org = at === 0 ? undefined : orgName(gapText);
      if (!org || !GAP.test(foldVi(gapText.slice(gapText.indexOf(org) + org.length)))) break;
      chain.unknown.push(org);
    }
    at = m.end;
    if (m.plural && VAGUE.test(folded.slice(at))) {
      at += VAGUE.exec(folded.slice(at))![0].length;
      continue;
    }
    chain.mentions.push(m);
    for (const u of m.units) if (!(m.plural && u.code === issuer)) chain.units.push(u);
  }
  if (!chain.mentions.length && !chain.everyRecipient) {
    const every = EVERY.exec(folded);
    if (every && !VAGUE.test(folded.slice(every[0].length))) {
      chain.everyRecipient = slice.slice(0, every[0].length).trim();
      at = every[0].length;
    }
  }
  chain.units = [...new Map(chain.units.map((u) => [u.code, u])).values()];
  chain.end = from + at;
  return chain;
}

/** The organisation named at the start of a text when the directory knows none there. */
export function unknownOrgAt(text: string): string | undefined {
  return orgName(text);
}
