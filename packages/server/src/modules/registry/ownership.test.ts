import { ENTERPRISE_SELF_EDITABLE_FIELDS, type EnterpriseInput, type Role } from '@zhizao/domain';
import { beforeAll, expect, it } from 'vitest';
import { expectError } from '../../../test/expect.ts';
import { describeEachDatabase, enterpriseInput, type Json, type TestClient } from '../../../test/harness.ts';
import { fillPath, label, listOperations, sample, type Operation } from '../../../test/openapi.ts';

// Who may do what in the registry: one assertion per cell of the role × ownership matrix.
const INPUT_FIELDS = Object.keys(enterpriseInput()) as (keyof EnterpriseInput)[];
const CONTACTS = ['contactName', 'contactPhone', 'contactEmail'] as const;
const hasNoContacts = (e: Record<string, unknown>) => CONTACTS.every((k) => e[k] === null);
let serial = 500;

describeEachDatabase('registry roles and ownership', (server) => {
  const clients = {} as Record<Role, TestClient>;
  let huancui: number; // 371002: the district officer's district; the enterprise user's own enterprise
  let wendeng: number; // 371003: nobody's but the bureau's
  let registryOps: Operation[];

  beforeAll(async () => {
    for (const role of [
      'bureau_admin',
      'district_officer',
      'enterprise_user',
      'service_provider',
      'expert',
      'system_admin',
      'security_admin',
      'audit_admin',
    ] as Role[]) {
      clients[role] = await server().as(role);
    }
    ({ huancui, wendeng } = server().enterprises);
    registryOps = (await listOperations(server().client())).filter((op) => op.tags.includes('registry'));
  });

  /** The full record as the bureau sees it, ready to send back as an update with `changes`. */
  async function updateBody(id: number, changes: Partial<EnterpriseInput> = {}) {
    const e = (await clients.bureau_admin.get(`/api/enterprises/${id}`)).body;
    return { ...Object.fromEntries(INPUT_FIELDS.map((k) => [k, e[k]])), ...changes, version: e.version };
  }
  const newEnterprise = (overrides: Partial<EnterpriseInput> = {}) => enterpriseInput(overrides, serial++);

  // ── anonymous ────────────────────────────────────────────────────────────────────────────────
  it('answers 401 to an anonymous visitor on every registry route but the public taxonomy', async () => {
    const anonymous = server().client();
    const routes = registryOps.filter((op) => op.path !== '/api/registry/taxonomy');
    expect(routes.map(label)).toEqual(
      expect.arrayContaining([
        'GET /api/registry/stats',
        'GET /api/enterprises',
        'POST /api/enterprises',
        'GET /api/enterprises/{id}',
        'PUT /api/enterprises/{id}',
        'POST /api/enterprises/{id}/archive',
        'POST /api/enterprises/{id}/restore',
      ]),
    );
    for (const op of routes) {
      // a body of the right shape, so the answer is about who asks, not about what was sent
      const body = op.method === 'GET' ? undefined : op.bodyType === 'application/json' ? sample(op.bodySchema) : {};
      const res = await anonymous.request(op.method, fillPath(op.path, huancui), body);
      expect({ route: label(op), status: res.status, code: res.body?.error?.code }).toEqual({
        route: label(op),
        status: 401,
        code: 'auth.required',
      });
    }
  });

  it('serves the taxonomy (districts, chains, clusters) as public reference data', async () => {
    const res = await server().client().get('/api/registry/taxonomy');
    expect(res.status).toBe(200);
    expect(res.body.districts.map((d: { code: string }) => d.code)).toContain('371002');
  });

  // ── enterprise user ──────────────────────────────────────────────────────────────────────────
  it('shows an enterprise user its own contacts in full in the detail', async () => {
    const res = await clients.enterprise_user.get(`/api/enterprises/${huancui}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      contactName: '张测试',
      contactPhone: '13800000001',
      contactEmail: 'test@example.com',
      canEdit: true,
      canArchive: false,
    });
  });

  it('never shows an enterprise user another enterprise’s contacts, in the detail or the list', async () => {
    const detail = await clients.enterprise_user.get(`/api/enterprises/${wendeng}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ contactName: null, contactPhone: null, contactEmail: null, canEdit: false });
    const list = (await clients.enterprise_user.get('/api/enterprises?pageSize=200')).body.items;
    expect(list.find((e: Json) => e.id === wendeng)).toMatchObject({ contactName: null, contactPhone: null, contactEmail: null });
    expect(list.filter((e: Json) => e.id !== huancui).every(hasNoContacts)).toBe(true);
    expect(list.find((e: Json) => e.id === huancui)).toMatchObject({ contactName: '张测试', contactPhone: '138****0001' });
  });

  it('lets an enterprise user change the self-editable fields of its own enterprise', async () => {
    const changes = {
      contactName: '李联系',
      contactPhone: '0631-5201234',
      contactEmail: 'li@example.com',
      address: '威海市环翠区新路2号',
      mainProducts: '精密轴承、滚子',
    };
    expect(Object.keys(changes).sort()).toEqual([...ENTERPRISE_SELF_EDITABLE_FIELDS].sort());
    const res = await clients.enterprise_user.put(`/api/enterprises/${huancui}`, await updateBody(huancui, changes));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject(changes);
  });

  it('refuses an enterprise user’s change to any field only officers change (403 enterprise.fieldNotEditable)', async () => {
    const officerOnly: Partial<EnterpriseInput> = {
      creditCode: newEnterprise().creditCode,
      name: '自己改名有限公司',
      districtCode: '371003',
      chainCodes: ['TC2'],
      clusterCode: 'TK1',
      sizeClass: 'below_designated',
      manufacturingType: 'process',
      industryCode: 'C3311',
    };
    expect(Object.keys(officerOnly).sort()).toEqual(
      INPUT_FIELDS.filter((f) => !(ENTERPRISE_SELF_EDITABLE_FIELDS as readonly string[]).includes(f)).sort(),
    );
    const before = (await clients.bureau_admin.get(`/api/enterprises/${huancui}`)).body;
    for (const [field, value] of Object.entries(officerOnly)) {
      const res = await clients.enterprise_user.put(`/api/enterprises/${huancui}`, await updateBody(huancui, { [field]: value }));
      expectError(res, 403, 'enterprise.fieldNotEditable', field);
    }
    expect((await clients.bureau_admin.get(`/api/enterprises/${huancui}`)).body).toEqual(before);
  });

  it('takes the chains an enterprise user sends back in another order as unchanged', async () => {
    expect(
      (await clients.bureau_admin.put(`/api/enterprises/${huancui}`, await updateBody(huancui, { chainCodes: ['TC1', 'TC2'] }))).status,
    ).toBe(200);
    const res = await clients.enterprise_user.put(
      `/api/enterprises/${huancui}`,
      await updateBody(huancui, { chainCodes: ['TC2', 'TC1'], contactName: '王联系' }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ chainCodes: ['TC1', 'TC2'], contactName: '王联系' });
  });

  it('refuses an enterprise user’s change to another enterprise (403 enterprise.outOfScope)', async () => {
    expectError(
      await clients.enterprise_user.put(`/api/enterprises/${wendeng}`, await updateBody(wendeng, { contactName: '冒名' })),
      403,
      'enterprise.outOfScope',
    );
  });

  it('refuses an enterprise user every other registry write: create, archive, restore, import, export', async () => {
    const c = clients.enterprise_user;
    expectError(await c.post('/api/enterprises', newEnterprise()), 403, 'auth.forbidden');
    expectError(await c.post(`/api/enterprises/${huancui}/archive`), 403, 'auth.forbidden');
    expectError(await c.post(`/api/enterprises/${huancui}/restore`), 403, 'auth.forbidden');
    for (const op of registryOps.filter((op) => /import|export/.test(op.path))) {
      const res = await c.request(op.method, fillPath(op.path, huancui), op.method === 'GET' ? undefined : {});
      expect({ route: label(op), status: res.status }).toEqual({ route: label(op), status: 403 });
    }
  });

  // ── district officer (371002) ────────────────────────────────────────────────────────────────
  it('shows a district officer contacts only for enterprises of its district', async () => {
    const c = clients.district_officer;
    expect((await c.get(`/api/enterprises/${huancui}`)).body).toMatchObject({
      contactName: expect.any(String),
      canEdit: true,
      canArchive: true,
    });
    expect((await c.get(`/api/enterprises/${wendeng}`)).body).toMatchObject({
      contactName: null,
      contactPhone: null,
      contactEmail: null,
      canEdit: false,
      canArchive: false,
    });
    const list = (await c.get('/api/enterprises?pageSize=200')).body.items;
    expect(list.some((e: Json) => e.districtCode !== '371002')).toBe(true);
    for (const e of list) expect({ id: e.id, hidden: hasNoContacts(e) }).toEqual({ id: e.id, hidden: e.districtCode !== '371002' });
  });

  it('lets a district officer register, archive and restore in its district', async () => {
    const c = clients.district_officer;
    const created = await c.post('/api/enterprises', newEnterprise({ districtCode: '371002' }));
    expect(created.status).toBe(200);
    expect((await c.post(`/api/enterprises/${created.body.id}/archive`)).body.archived).toBe(true);
    expect((await c.post(`/api/enterprises/${created.body.id}/restore`)).body.archived).toBe(false);
  });

  it('refuses a district officer registering in another district (403 enterprise.outOfScope)', async () => {
    const body = newEnterprise({ districtCode: '371003' });
    expectError(await clients.district_officer.post('/api/enterprises', body), 403, 'enterprise.outOfScope', 'districtCode');
    expect((await clients.bureau_admin.get(`/api/enterprises?q=${body.creditCode}&status=all`)).body.total).toBe(0);
  });

  it('refuses a district officer moving an enterprise to another district (403 enterprise.outOfScope)', async () => {
    expectError(
      await clients.district_officer.put(`/api/enterprises/${huancui}`, await updateBody(huancui, { districtCode: '371003' })),
      403,
      'enterprise.outOfScope',
      'districtCode',
    );
    expect((await clients.bureau_admin.get(`/api/enterprises/${huancui}`)).body.districtCode).toBe('371002');
  });

  it('refuses a district officer changing, archiving or restoring another district’s enterprise', async () => {
    const c = clients.district_officer;
    expectError(
      await c.put(`/api/enterprises/${wendeng}`, await updateBody(wendeng, { mainProducts: '越权修改' })),
      403,
      'enterprise.outOfScope',
    );
    expectError(await c.post(`/api/enterprises/${wendeng}/archive`), 403, 'enterprise.outOfScope');
    expectError(await c.post(`/api/enterprises/${wendeng}/restore`), 403, 'enterprise.outOfScope');
    expect((await clients.bureau_admin.get(`/api/enterprises/${wendeng}`)).body).toMatchObject({ archived: false, version: 1 });
  });

  it('scopes a district officer’s stats to its district', async () => {
    const city = (await clients.bureau_admin.get('/api/registry/stats')).body;
    const district = (await clients.district_officer.get('/api/registry/stats')).body;
    expect(Object.keys(city.byDistrict)).toEqual(expect.arrayContaining(['371002', '371003']));
    expect(district.byDistrict).toEqual({ '371002': city.byDistrict['371002'] });
    expect(district.enterprises).toBe(city.byDistrict['371002']);
    expect(district.enterprises).toBeLessThan(city.enterprises);
    const sum = (m: Record<string, number>) => Object.values(m).reduce((a, b) => a + b, 0);
    expect(sum(district.bySizeClass)).toBe(district.enterprises);
  });

  // ── service provider and expert ──────────────────────────────────────────────────────────────
  for (const role of ['service_provider', 'expert'] as const) {
    it(`lets a ${role} read the directory without any contacts`, async () => {
      const c = clients[role];
      const list = await c.get('/api/enterprises?pageSize=200');
      expect(list.status).toBe(200);
      expect(list.body.items.length).toBeGreaterThan(1);
      expect(list.body.items.every(hasNoContacts)).toBe(true);
      expect((await c.get(`/api/enterprises/${huancui}`)).body).toMatchObject({
        name: expect.any(String),
        contactName: null,
        contactPhone: null,
        contactEmail: null,
        canEdit: false,
      });
      expect((await c.get('/api/registry/stats')).status).toBe(200);
    });

    it(`refuses a ${role} every registry write (403 auth.forbidden)`, async () => {
      const c = clients[role];
      expectError(await c.post('/api/enterprises', newEnterprise()), 403, 'auth.forbidden');
      expectError(await c.put(`/api/enterprises/${huancui}`, await updateBody(huancui, { contactName: '外人' })), 403, 'auth.forbidden');
      expectError(await c.post(`/api/enterprises/${huancui}/archive`), 403, 'auth.forbidden');
      expectError(await c.post(`/api/enterprises/${huancui}/restore`), 403, 'auth.forbidden');
      for (const op of registryOps.filter((op) => /import|export/.test(op.path))) {
        const res = await c.request(op.method, fillPath(op.path, huancui), op.method === 'GET' ? undefined : {});
        expect({ route: label(op), status: res.status }).toEqual({ route: label(op), status: 403 });
      }
    });
  }

  // ── the three separated administrators ───────────────────────────────────────────────────────
  for (const role of ['system_admin', 'security_admin', 'audit_admin'] as const) {
    it(`gives the ${role} no registry access at all (403)`, async () => {
      const c = clients[role];
      expectError(await c.get('/api/registry/stats'), 403, 'auth.forbidden');
      expectError(await c.get('/api/enterprises'), 403, 'auth.forbidden');
      expectError(await c.get(`/api/enterprises/${huancui}`), 403, 'auth.forbidden');
      expectError(await c.post('/api/enterprises', newEnterprise()), 403, 'auth.forbidden');
      expectError(await c.put(`/api/enterprises/${huancui}`, await updateBody(huancui)), 403, 'auth.forbidden');
      expectError(await c.post(`/api/enterprises/${huancui}/archive`), 403, 'auth.forbidden');
      for (const op of registryOps.filter((op) => op.path !== '/api/registry/taxonomy' && op.method === 'GET')) {
        const res = await c.get(fillPath(op.path, huancui));
        expect({ route: label(op), status: res.status }).toEqual({ route: label(op), status: 403 });
      }
    });
  }

  // ── the bureau and personal information ──────────────────────────────────────────────────────
  it('lets the bureau admin see and change every enterprise', async () => {
    const c = clients.bureau_admin;
    expect((await c.get(`/api/enterprises/${wendeng}`)).body).toMatchObject({ contactName: '张测试', canEdit: true, canArchive: true });
    const res = await c.put(`/api/enterprises/${wendeng}`, await updateBody(wendeng, { districtCode: '371082' }));
    expect(res.status).toBe(200);
    expect((await c.put(`/api/enterprises/${wendeng}`, await updateBody(wendeng, { districtCode: '371003' }))).status).toBe(200);
  });

  it('masks phone numbers in lists, even for owners; the detail shows them whole', async () => {
    for (const role of ['bureau_admin', 'district_officer'] as const) {
      const list = (await clients[role].get('/api/enterprises?pageSize=200')).body.items;
      const own = list.filter((e: Json) => e.contactPhone !== null);
      expect(own.length).toBeGreaterThan(0);
      for (const e of own) expect(e.contactPhone).toMatch(/^\d{3}\*{4}\d{4}$/);
    }
    const phone = (await clients.bureau_admin.get(`/api/enterprises/${wendeng}`)).body.contactPhone;
    expect(phone).toBe('13800000001');
  });
});
