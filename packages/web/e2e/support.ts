import fs from 'node:fs';
import path from 'node:path';
import type { Role } from '@zhizao/domain';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { FIXTURE_USERNAMES, TEST_PASSWORD, startTestServer, type TestServer } from '../../server/test/harness.ts';

// The browser tests drive the built app (packages/web/dist) in real Chromium against the real server
// over a fresh SQLite database with the harness's fixture accounts and enterprises.

// ZHIZAO_E2E_WEB_DIST lets a second build (another checkout, a side-by-side build) be tested without touching dist.
export const WEB_DIST = process.env.ZHIZAO_E2E_WEB_DIST ?? path.resolve(import.meta.dirname, '../dist');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export interface BrowserEnv {
  server: TestServer;
  browser: Browser;
  /** A fresh browser profile (own cookies, own localStorage) on the app's login page. */
  newPage(): Promise<Page>;
  /** A fresh page already logged in as the fixture account of that role. */
  pageAs(role: Role): Promise<Page>;
}

async function start(): Promise<{ env: BrowserEnv; close(): Promise<void> }> {
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    throw new Error(`The web app is not built (${WEB_DIST}/index.html is missing): run \`npm run build\` first.`);
  }
  const server = await startTestServer('sqlite', { ZHIZAO_WEB_DIST: WEB_DIST });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  const newPage = async () => {
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto('/login');
    return page;
  };
  const env: BrowserEnv = {
    server,
    browser,
    newPage,
    pageAs: async (role) => {
      const page = await newPage();
      await logIn(page, FIXTURE_USERNAMES[role]);
      return page;
    },
  };
  const close = async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser.close();
    await server.close();
  };
  return { env, close };
}

/** Starts the server and the browser once for a test file; the returned getter is for use inside tests. */
export function useBrowserEnv(): () => BrowserEnv {
  let running: Awaited<ReturnType<typeof start>> | null = null;
  beforeAll(async () => {
    running = await start();
  });
  afterAll(async () => {
    await running?.close();
  });
  return () => {
    if (!running) throw new Error('browser environment not started');
    return running.env;
  };
}

/** Logs in through the form, the way a person does, and waits for the app's frame. */
export async function logIn(page: Page, username: string, password = TEST_PASSWORD): Promise<void> {
  await page.locator('#login_username').fill(username);
  await page.locator('#login_password').fill(password);
  await page.locator('form#login button[type=submit]').click();
  await page.getByTestId('side-menu').waitFor();
}

/** The visible text of the side menu, for asserting what a role may reach. */
export const menuText = (page: Page) => page.getByTestId('side-menu').innerText();

/**
 * Picks an option of a searchable Ant Design Select by its form id: types the label (or `typed`, part
 * of it, for a select that searches on the server) and presses Enter once that option is the active
 * one, as a keyboard user does, then waits until the choice shows and the dropdown has gone. (Clicking
 * an option while the dropdown is still animating open is sometimes lost.)
 */
export async function chooseOption(page: Page, selectId: string, optionLabel: string, typed = optionLabel): Promise<void> {
  const select = page.locator('.ant-select').filter({ has: page.locator(`#${selectId}`) });
  await page.locator(`#${selectId}`).fill(typed);
  // this select's own dropdown (it holds the listbox `<id>_list`), not one another select is still closing
  const dropdown = page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
    .filter({ has: page.locator(`[id="${selectId}_list"]`) });
  await dropdown.locator(`.ant-select-item-option-active[title="${optionLabel}"]`).waitFor();
  await page.locator(`#${selectId}`).press('Enter');
  await select.getByText(optionLabel, { exact: true }).waitFor();
  // A multiple select stays open after Enter; under load an Escape sent while it is still animating
  // open can be lost, so send it again until the dropdown has gone.
  for (let attempt = 0; attempt < 10 && (await dropdown.isVisible()); attempt++) {
    await page.keyboard.press('Escape');
    await dropdown.waitFor({ state: 'hidden', timeout: 2_000 }).catch(() => undefined);
  }
  await dropdown.waitFor({ state: 'hidden' });
}
