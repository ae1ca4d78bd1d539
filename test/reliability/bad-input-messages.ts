// What `dondoc launch` and `dondoc import` print for each malformed file of bad-input-cases.ts,
// after the file's path (one line per problem).
export const BAD_FILE_MESSAGES: Record<string, string> = {
  'an empty file': 'empty.yaml:1: expected a mapping of fields (number, title, tasks, …)',
  'a list instead of a mapping': 'list.yaml:1: expected a mapping of fields (number, title, tasks, …)',
  'a bare sentence': 'sentence.yaml:1: expected a mapping of fields (number, title, tasks, …)',
  'a directive file in Latin-1, not UTF-8': 'latin.yaml: the file is not valid UTF-8 text',
  'UTF-16 text': 'utf16.yaml: the file is not valid UTF-8 text',
  'a PNG image': 'scan.yaml: the file is not valid UTF-8 text',
  'JSON cut off': 'cut.json:2: Flow map must end with a }',
  'JSON with a number for the title': 'title.json:1: title: Invalid input: expected string, received number',
  'JSON nested 5,000 deep': 'deep.json:1: lists or mappings are nested too deeply',
  'YAML nested 5,000 deep': 'deep.yaml:1: lists or mappings are nested too deeply',
  'tabs as indentation': 'tabs.yaml:6: Tabs are not allowed as indentation',
  'a field given twice': 'twice.yaml:5: Map keys must be unique',
  'aliases that expand without end': 'bomb.yaml: the file repeats its anchors (*name) too often: at most 50 expansions',
  'a list left open': 'open.yaml:10: Flow sequence in block collection must be sufficiently indented and end with a ]',
  'no number': 'nonumber.yaml:2: number: Invalid input: expected string, received undefined',
  'a number without its symbol': 'symbol.yaml:1: number: expected number/symbol, e.g. 524/UBND-VP9',
  'an empty title': 'notitle.yaml:2: title: Too small: expected string to have >=1 characters',
  'a date written the Vietnamese way':
    'date.yaml:4: issuedOn: expected a date as YYYY-MM-DD\ndate.yaml:4: issuedOn: not a real calendar date',
  '30 February': 'feb.yaml:4: issuedOn: not a real calendar date',
  'an unknown confidentiality':
    'secret.yaml:5: confidentiality: Invalid option: expected one of "normal"|"confidential"',
  'legal bases that are not a list': 'bases.yaml:5: legalBases: Invalid input: expected array, received string',
  'a send hour at night': 'hour.yaml:5: policy.sendHour: Too big: expected number to be <=16',
  'an escalation after 0 days':
    'ladder.yaml:5: policy.escalations.0.afterWorkingDays: Too small: expected number to be >=1',
  'an unknown schedule': "schedule.yaml:5: schedule.kind: Invalid discriminator value. Expected 'once' | 'periodic'",
  'a due day past the 28th': 'dueday.yaml:5: schedule.dueDay: Too big: expected number to be <=28',
  'no task at all': 'notask.yaml:5: tasks: Too small: expected array to have >=1 items',
  'tasks as a mapping': 'taskmap.yaml:5: tasks: Invalid input: expected array, received object',
  'a task with no deadline': 'nodeadline.yaml:6: tasks.0.deadline: Invalid input',
  'zero working days': 'zero.yaml:8: tasks.0.deadline.workingDays: Too small: expected number to be >=1',
  'a year and a day': 'year.yaml:8: tasks.0.deadline.workingDays: Too big: expected number to be <=365',
  'a deadline in calendar days': 'days.yaml:8: tasks.0.deadline: Invalid input',
  'a lower-case unit code': 'lower.yaml:6: tasks.0.unit: a unit code is 2-40 characters: A-Z, 0-9, "-" or "_"',
  'an empty task title': 'tasktitle.yaml:7: tasks.0.title: Too small: expected string to have >=1 characters',
  'a role that is neither lead nor support':
    'role.yaml:9: tasks.0.role: Invalid option: expected one of "lead"|"support"',
  'an unknown way to complete':
    'completion.yaml:9: tasks.0.completion: Invalid option: expected one of "report"|"acknowledgement"',
  'two tasks for one unit': 'dup.yaml:9: tasks.1.unit: unit NB-STP has two tasks',
  'a support task that names no lead':
    'support.yaml:9: tasks.1.supports: a support task names the lead unit it supports',
  'an upper-case indicator code':
    'indicator.yaml:9: tasks.0.indicators.0.code: an indicator code is lower case, e.g. articles',
  'a negative target': 'target.yaml:9: tasks.0.indicators.0.target: Too small: expected number to be >=0',
  'a control character in a title': 'control.yaml:7: control character U+0000; is this a binary file?',
  'a control character written as an escape':
    'escape.yaml:7: tasks.0.title: control character U+001B (written as an escape)',
  'more tasks than a directive may have': 'many.yaml:6: tasks: Too big: expected array to have <=20000 items',
  'an empty dispatch': 'empty.txt:1: the text is empty',
  'only blank lines, CRLF and tabs': 'blank.txt:1: the text is empty',
  'a PDF file': 'cv.pdf.txt:1: this is a PDF or Word file, not text; paste the text of the dispatch',
  'a Word (docx) file': 'cv.docx.txt:1: this is a PDF or Word file, not text; paste the text of the dispatch',
  'a NUL byte on line 3': 'nul.txt:3: control character U+0000; is this a binary file?',
  'more than 512 KB': 'long.txt:1: the text is larger than 512 KB (528 KB); import one dispatch at a time',
  'a dispatch in Latin-1, not UTF-8':
    'latin.txt:1: the text is not valid UTF-8; save the file as UTF-8 (Unicode) and import it again',
  'plain prose':
    'prose.txt:2: not a dispatch: found no "Số:" line, no "V/v" subject, no "Kính gửi", no "… ban hành Công văn số …" sentence and no task given to a unit',
  'two dispatches pasted together':
    'two.txt:13: a second "Số:" line (the first is on line 5); import one dispatch at a time',
};
