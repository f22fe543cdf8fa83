import { completeCreditCode, DEFAULT_SECURITY_SETTINGS } from '@zhizao/domain';
import { sampleBody } from '../src/modules/registers/engine/engine.test-support.ts';
import { REGISTER_MODULES } from '../src/modules/registers/index.ts';
import { enterpriseInput, TEST_PASSWORD } from './harness.ts';

/**
 * Bodies the domain accepts, for operations whose schema alone cannot make one: one hostile field in an
 * otherwise valid body then reaches the service and the database. A fresh one per request.
 */
let exampleSerial = 0;
export const EXAMPLES: Record<string, () => Record<string, unknown>> = {
  'POST /api/enterprises': () => ({ ...enterpriseInput({}, 8000 + exampleSerial++) }),
  'PUT /api/enterprises/{id}': () => ({
    ...enterpriseInput({ districtCode: '371003', creditCode: completeCreditCode('91371003TE0009002') }, 9002),
    version: 1,
  }),
  'POST /api/users': () => ({ username: `sweep-${exampleSerial++}`, displayName: '清扫', password: TEST_PASSWORD }),
  'POST /api/users/{id}/reset-password': () => ({ newPassword: `Sweep#pass${exampleSerial++}` }),
  'PUT /api/users/{id}/role': () => ({ role: 'expert' }),
  'POST /api/maturity/score': () => ({
    modelVersion: 'CMMM-2020',
    manufacturingType: 'discrete',
    answers: [{ requirementId: 'C20-data-L1-01', value: 0.8 }],
    mode: 'draft',
  }),
  // the defaults: the schema's smallest values would expire every password and allow one session per account
  'PUT /api/settings/security': () => ({ ...DEFAULT_SECURITY_SETTINGS }),
  'POST /api/maturity/models/{id}/copy': () => ({ newId: `SWEEP-${exampleSerial++}`, name: { zh: '清扫副本', en: 'Sweep copy' } }),
};

// every register: a sample row of its own (bad-input.test.ts makes the rows they point at first)
for (const { definition } of REGISTER_MODULES) {
  EXAMPLES[`POST /api/registers/${definition.key}`] = () => sampleBody(definition.key);
  EXAMPLES[`PUT /api/registers/${definition.key}/{id}`] = () => ({ ...sampleBody(definition.key), version: 1 });
}
