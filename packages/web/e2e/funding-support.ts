import type { Page } from 'playwright-core';
import { expect } from 'vitest';

// Shared by the funding browser tests.

/** Polls patiently: the machine is shared, and a list can take a few seconds to come back. */
export const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });

/** With ZHIZAO_E2E_SHOTS=<dir>, saves a full-page screenshot there to look at; otherwise nothing. */
export async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.ZHIZAO_E2E_SHOTS;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}
