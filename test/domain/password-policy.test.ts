// The staff password policy: long enough, not one of the passwords people pick most, and not the
// person's own address. Each refusal is one sentence naming the field.
import { passwordProblem } from '../../domain/password-policy';

const EMAIL = 'nguyen.van.an@ubnd.ninhbinh.example.vn';

describe('a password is refused', () => {
  it.each<[string, string, string]>([
    ['shorter than 12 characters', 'Hoa sen 26', 'at least 12 characters'],
    ['one of the most common passwords', 'qwertyuiop12', 'one of the most common passwords; choose another'],
    ['a common password, upper case', 'PASSWORD1234', 'one of the most common passwords; choose another'],
    [
      'a common word with digits and marks tacked on',
      'sunshine2026!!',
      'one of the most common passwords; choose another',
    ],
    ['"mật khẩu" with a year', 'Mật khẩu 2026!', 'one of the most common passwords; choose another'],
    ["the application's name", 'dondoc123456', 'one of the most common passwords; choose another'],
    ['the address itself', EMAIL, 'must not contain your email address or its name part'],
    ['the address in other case', EMAIL.toUpperCase(), 'must not contain your email address or its name part'],
    [
      "the address's name part with a year",
      'nguyen.van.an2026',
      'must not contain your email address or its name part',
    ],
    ['the name part inside', 'toi-la-nguyen.van.an!', 'must not contain your email address or its name part'],
  ])('%s', (_, password, message) => expect(passwordProblem(password, EMAIL)).toBe(message));
});

describe('a password is accepted', () => {
  it.each([
    ['a passphrase', 'ngày mai trời lại sáng'],
    ['a random one', 'xK3-pq9_Lm2vT8'],
    ['one with a short name part of another address in it', 'anh hùng núi rừng 1968'],
    ['the 64-character passphrase of ASVS V6.2.9', 'Mật khẩu dài: ' + 'ngày mai trời lại sáng '.repeat(5)],
  ])('%s', (_, password) => expect(passwordProblem(password, 'an@example.vn')).toBeUndefined());
});
