// What a staff password may not be (ASVS 5.0 V6.2.1, V6.2.4, V6.2.11): shorter than 12
// characters, one of the passwords people pick most, or the person's own address. No rules about
// kinds of characters: a long Vietnamese passphrase is the best password here.
//
// The common passwords are zxcvbn-ts's list (@zxcvbn-ts/language-common, MIT): 49,233 passwords
// that appeared more than ten times in Mark Burnett's ten million leaked passwords, lower case,
// less those its pattern rules already catch. It is maintained with zxcvbn-ts, ships in the
// package (no network at run time) and loads in about 70 ms, once.
import { dictionary } from '@zxcvbn-ts/language-common';

export const MIN_PASSWORD_LENGTH = 12;

/** Words of this office that the list cannot know: a password made of one of them is as weak. */
const CONTEXT_WORDS = ['dondoc', 'matkhau', 'ubnd'];

let common: Set<string> | undefined;
const commonPasswords = (): Set<string> => (common ??= new Set([...dictionary['passwords-common'], ...CONTEXT_WORDS]));

/** Lower case without Vietnamese marks ("Mật khẩu" → "mat khau"), as such lists are written. */
const folded = (s: string): string => s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd');

/** Without spaces, dots, dashes and underscores. */
const compact = (s: string): string => s.replace(/[\s._-]+/g, '');

/**
 * The ways a common password hides in a longer one: as typed in lower case, without marks and
 * spaces, and with the digits and signs tacked on before or after it taken away ("sunshine2026!").
 */
function forms(password: string): string[] {
  const bare = compact(folded(password));
  return [password.toLowerCase(), bare, bare.replace(/^[^a-z]+|[^a-z]+$/g, '')];
}

/** Why a password may not be used, in one phrase, or undefined when it may. */
export function passwordProblem(password: string, email: string): string | undefined {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `at least ${MIN_PASSWORD_LENGTH} characters`;
  const address = email.trim().toLowerCase();
  const name = compact(folded(address.split('@')[0] ?? ''));
  const bare = compact(folded(password));
  // A name part of three letters or fewer ("an@…") is too short to tell from an ordinary word.
  if (password.toLowerCase().includes(address) || (name.length >= 4 && bare.includes(name)))
    return 'must not contain your email address or its name part';
  const list = commonPasswords();
  if (forms(password).some((f) => list.has(f))) return 'one of the most common passwords; choose another';
  return undefined;
}
