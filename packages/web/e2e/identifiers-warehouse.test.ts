import { describe, expect, it } from 'vitest';
import { activePrefix } from './identifiers-support.ts';
import { useBrowserEnv } from './support.ts';

// The enterprise's warehouse in the browser: receiving and storing change the stock per location, picking more
// than a location holds is refused with what was typed kept, and the events page finds the movements.

describe('the warehouse page', () => {
  const env = useBrowserEnv();

  it('records receiving and storing, shows stock per location, refuses picking more than there is', async () => {
    const prefix = await activePrefix(env().server);
    const product = `${prefix}/WH-0001`;
    const page = await env().pageAs('enterprise_user');
    await page.getByTestId('side-menu').getByText('仓储管理').click();
    await page.waitForURL(/\/identifiers\/warehouse$/);

    await page.locator('#flow_product').fill(product);
    await page.locator('#flow_quantity').fill('50');
    await page.locator('#flow_to').fill('WH1-A01');
    await page.getByTestId('flow-submit').click();
    await page.getByText('已登记「收货入库」').waitFor();

    await page.getByTestId('flow-step').getByText('上架存储').click();
    await page.locator('#flow_quantity').fill('20');
    await page.locator('#flow_from').fill('WH1-A01');
    await page.locator('#flow_to').fill('WH1-B02');
    await page.getByTestId('flow-submit').click();
    await page.getByText('已登记「上架存储」').waitFor();

    const stock = page.getByTestId('stock-table');
    await expect.poll(() => stock.innerText(), { timeout: 10_000 }).toMatch(/WH1-A01\s+\S+WH-0001\s+30/);
    expect(await stock.innerText()).toMatch(/WH1-B02\s+\S+WH-0001\s+20/);
    await page.getByTestId('stock-chart').locator('canvas').waitFor();
    await expect.poll(() => page.getByTestId('movement-table').locator('tr.ant-table-row').count()).toBe(2);

    // More than WH1-B02 holds: refused, nothing recorded, the form keeps its values.
    await page.getByTestId('flow-step').getByText('拣货').click();
    await page.locator('#flow_quantity').fill('25');
    await page.locator('#flow_from').fill('WH1-B02');
    await page.locator('#flow_to').fill('PICK-1');
    await page.getByTestId('flow-submit').click();
    await page
      .getByText(/库存不足/)
      .first()
      .waitFor();
    expect(await page.locator('#flow_quantity').inputValue()).toBe('25');
    expect(await page.locator('#flow_to').inputValue()).toBe('PICK-1');
    expect(await page.getByTestId('movement-table').locator('tr.ant-table-row').count()).toBe(2);

    await page.getByTestId('side-menu').getByText('追溯事件').click();
    await page.getByTestId('event-filters').locator('input').first().fill(product);
    await page.getByTestId('event-filters').locator('button[type=submit]').click();
    const events = page.getByTestId('event-table');
    await expect.poll(() => events.locator('tr.ant-table-row').count(), { timeout: 10_000 }).toBe(2);
    expect(await events.innerText()).toContain('上架存储');
  });
});
