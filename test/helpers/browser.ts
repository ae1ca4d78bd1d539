// For the tests in a real browser: Debian's Chromium through playwright-core, the folder for the
// screenshots a test takes (docs/screens/ with SAVE_SCREENS=1, else a temporary one), and the
// staff login form filled in as a person would.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PASSWORD } from './staff';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const keepScreens = process.env.SAVE_SCREENS === '1';

/** Chromium, headless; without it the test fails at once, saying how to install it. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(executablePath))
    throw new Error(
      `Chromium is not at ${executablePath}: apt-get install -y chromium fonts-noto-core, or set CHROMIUM_PATH`,
    );
  return chromium.launch({ executablePath, args: ['--no-sandbox'] });
}

/** Where a test file's screenshots go: docs/screens/ with SAVE_SCREENS=1, else a temporary folder. */
export const screensFolder = (): string =>
  keepScreens
    ? path.resolve(__dirname, '..', '..', 'docs', 'screens')
    : mkdtempSync(path.join(os.tmpdir(), 'dondoc-screens-'));

/** Removes the temporary screenshots; those written to docs/screens/ stay. */
export function removeScreens(folder: string): void {
  if (!keepScreens) rmSync(folder, { recursive: true, force: true });
}

/** Opens `url` logged out, logs in on the form it leads to, and waits to be back at `url`. */
export async function logInAt(page: Page, url: string, email: string): Promise<void> {
  await page.goto(url);
  await submitLogin(page, email, url);
}

/** Fills in the login form the page shows, sends it, and waits for the page it leads to. */
export async function submitLogin(
  page: Page,
  email: string,
  then: string | ((url: URL) => boolean),
  o: { totp?: string } = {},
): Promise<void> {
  await page.getByLabel('Địa chỉ thư điện tử').fill(email);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  if (o.totp !== undefined) await page.getByLabel(/Mã xác thực/).fill(o.totp);
  await Promise.all([page.waitForURL(then), page.getByRole('button', { name: 'Đăng nhập' }).click()]);
}
