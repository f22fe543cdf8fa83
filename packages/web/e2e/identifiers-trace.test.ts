import { devices, type Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { activePrefix } from './identifiers-support.ts';
import { useBrowserEnv } from './support.ts';

// The public trace page on a phone: an anonymous visitor who scanned a product's QR code sees the product's
// public values and its journey, never a private value, and needs no login.

describe('the public trace page', () => {
  const env = useBrowserEnv();
  let handle = '';
  const CONTEXT = ['https://ref.gs1.org/standards/epcis/epcis-context.jsonld'];
  const DIGITAL_LINK = 'https://id.gs1.org/01/70614141123451/21/2017';

  /** A fresh anonymous phone (iPhone 13 viewport and touch), closed after the work. */
  async function onPhone(work: (page: Page) => Promise<void>): Promise<void> {
    const { server, browser } = env();
    const context = await browser.newContext({ ...devices['iPhone 13'], baseURL: server.url });
    try {
      await work(await context.newPage());
    } finally {
      await context.close();
    }
  }

  beforeAll(async () => {
    const { server } = env();
    const prefix = await activePrefix(server);
    handle = `${prefix}/TRACE-001`;
    const enterprise = await server.as('enterprise_user');
    const registered = await enterprise.post('/api/identifiers/records', {
      handle,
      templateVersion: '1.0',
      values: [
        { index: 2000, type: 'name', data: '海洋鱼油胶囊' },
        { index: 2001, type: 'batch', data: 'B98765' },
      ],
    });
    expect(registered.status, JSON.stringify(registered.body)).toBe(200);
    const event = (eventTime: string, bizStep: string, disposition: string) => ({
      type: 'ObjectEvent',
      eventTime,
      eventTimeZoneOffset: '+08:00',
      epcList: [`hdl:${handle}`],
      action: bizStep === 'commissioning' ? 'ADD' : 'OBSERVE',
      bizStep,
      disposition,
      readPoint: { id: 'urn:zhizao:location:SECRET-LINE-7' },
    });
    const captured = await enterprise.post('/api/epcis/capture', {
      '@context': CONTEXT,
      type: 'EPCISDocument',
      schemaVersion: '2.0',
      creationDate: '2026-11-20T08:00:00+08:00',
      epcisBody: {
        eventList: [
          event('2026-11-20T08:00:00+08:00', 'commissioning', 'active'),
          event('2026-11-21T09:30:00+08:00', 'shipping', 'in_transit'),
          event('2026-11-22T15:00:00+08:00', 'receiving', 'in_progress'),
        ],
      },
    });
    expect(captured.status, JSON.stringify(captured.body)).toBeLessThan(300);
    // A GS1-coded item (Digital Link, as in GS1's examples) with an event of its own.
    const gs1 = await enterprise.post('/api/epcis/capture', {
      '@context': CONTEXT,
      ...event('2026-11-23T10:00:00+08:00', 'shipping', 'in_transit'),
      epcList: [DIGITAL_LINK],
    });
    expect(gs1.status, JSON.stringify(gs1.body)).toBeLessThan(300);
  });

  it('shows a phone visitor the public values and the timeline, and nothing private', async () => {
    await onPhone(async (page) => {
      await page.goto(`/trace/${handle}`);
      const product = page.getByTestId('trace-product');
      await expect.poll(() => product.innerText()).toContain('海洋鱼油胶囊');
      expect(await product.innerText()).toContain(handle);
      const timeline = page.getByTestId('trace-timeline');
      await expect.poll(() => timeline.locator('.ant-timeline-item').count()).toBe(3);
      const journey = await timeline.innerText();
      expect(journey).toContain('赋码生产');
      expect(journey).toContain('发货出库');
      expect(journey).toContain('收货入库');
      // Newest first.
      expect(journey.indexOf('收货入库')).toBeLessThan(journey.indexOf('赋码生产'));
      const whole = await page.getByTestId('trace-page').innerText();
      expect(whole).not.toContain('B98765');
      expect(whole).not.toContain('批次');
      expect(whole).not.toContain('SECRET-LINE-7');
      // No login asked for, and the page fits the phone's width.
      expect(page.url()).toContain('/trace/');
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    });
  });

  it('says plainly when an identifier is unknown', async () => {
    await onPhone(async (page) => {
      await page.goto('/trace/88.999.1/NO-SUCH-THING');
      await expect.poll(() => page.getByTestId('trace-error').innerText()).toContain('未找到该标识');
    });
  });

  it('takes a GS1 Digital Link scanned on any host to the same page', async () => {
    await onPhone(async (page) => {
      await page.goto('/01/70614141123451/21/2017');
      await page.waitForURL(/\/trace\/01\/70614141123451\/21\/2017$/);
      const timeline = page.getByTestId('trace-timeline');
      await expect.poll(() => timeline.locator('.ant-timeline-item').count()).toBe(1);
      expect(await timeline.innerText()).toContain('发货出库');
      expect(await page.getByTestId('trace-product').innerText()).toContain('该标识没有公开的产品信息');
    });
  });
});
