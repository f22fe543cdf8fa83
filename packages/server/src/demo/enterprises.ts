import { completeCreditCode, WEIHAI_DISTRICTS, type EnterpriseInput } from '@zhizao/domain';
import {
  ADDRESS_STREETS,
  CHAIN_WEIGHTS_BY_DISTRICT,
  COMPANY_FORMS,
  DISTRICT_WEIGHTS,
  GIVEN_NAMES,
  NAME_PLACES,
  SURNAMES,
  TRADE_NAME_CHARACTERS,
} from './city.ts';
import { CHAIN_PROFILES } from './industries.ts';
import { seededRandom } from './random.ts';
import { DEMO_CLUSTERS, type DemoChainCode } from './taxonomy.ts';

// Fictional enterprises of the demo city. Everything about them says "synthetic": names start with
// （演示）, credit codes carry DEM0 where the organisation code would be (still valid under GB 32100, so
// they pass every check), phones are in 1990000xxxx, e-mails at example.com.

export const DEMO_ENTERPRISE_COUNT = 1260;
/** The PRNG seed: the date of the bureau's reply (seed document), so every install gets the same city. */
export const DEMO_RANDOM_SEED = 20240531;
const SECOND_CHAIN_SHARE = 0.25;
const CLUSTER_MEMBER_SHARE = 0.85;
export const DEMO_NAME_PREFIX = '（演示）';

/** '91' + division code + 'DEM0' + serial (5 digits) + check character. */
export function demoCreditCode(districtCode: string, serial: number): string {
  return completeCreditCode(`91${districtCode}DEM0${String(serial).padStart(5, '0')}`);
}
export const demoPhone = (serial: number) => `1990000${String(serial % 10_000).padStart(4, '0')}`;
export const demoEmail = (serial: number) => `demo${String(serial).padStart(5, '0')}@example.com`;

/** The firm the demo enterprise account belongs to: pinned, so the README can name it. */
export const DEMO_OWN_ENTERPRISE = {
  serial: 1,
  name: '（演示）威海恒达精密机械有限公司',
  districtCode: '371002',
  chainCode: 'MACHINERY' as DemoChainCode,
  industryCode: 'C3484',
  creditCode: demoCreditCode('371002', 1),
};

const DISTRICT_NAMES = new Map(WEIHAI_DISTRICTS.map((d) => [d.code, d.nameZh]));
const OWN_CLUSTER = new Map<string, string>(DEMO_CLUSTERS.map((c) => [c.chainCode, c.code]));

/** The demo city's enterprises, the same list every time. */
export function generateDemoEnterprises(count = DEMO_ENTERPRISE_COUNT): EnterpriseInput[] {
  const random = seededRandom(DEMO_RANDOM_SEED);
  const usedNames = new Set<string>([DEMO_OWN_ENTERPRISE.name]);
  const enterprises: EnterpriseInput[] = [];

  for (let serial = 1; serial <= count; serial++) {
    const pinned = serial === DEMO_OWN_ENTERPRISE.serial;
    const districtCode = pinned ? DEMO_OWN_ENTERPRISE.districtCode : random.weighted(DISTRICT_WEIGHTS);
    const chain = pinned ? DEMO_OWN_ENTERPRISE.chainCode : random.weighted(CHAIN_WEIGHTS_BY_DISTRICT[districtCode]!);
    const profile = CHAIN_PROFILES[chain];
    const drawn = random.pick(profile.industries);
    const industry = pinned ? profile.industries.find((i) => i.code === DEMO_OWN_ENTERPRISE.industryCode)! : drawn;
    const chainCodes: string[] = [chain];
    if (random.chance(SECOND_CHAIN_SHARE)) chainCodes.push(random.pick(profile.related));
    const cluster = OWN_CLUSTER.get(chain) ?? OWN_CLUSTER.get(chainCodes[1] ?? '') ?? profile.fallbackCluster;
    const aboveDesignated = pinned || random.chance(profile.aboveDesignatedShare);

    let name: string = DEMO_OWN_ENTERPRISE.name;
    if (!pinned) {
      do {
        const tradeName = random.sample(TRADE_NAME_CHARACTERS, 2).join('');
        const descriptor = random.pick(industry.descriptors);
        let form: string = random.weighted(COMPANY_FORMS);
        // A group needs size; 生物科技科技有限公司 reads wrong.
        if ((form === '集团有限公司' && !aboveDesignated) || (form === '科技有限公司' && descriptor.endsWith('科技'))) form = '有限公司';
        name = `${DEMO_NAME_PREFIX}${random.pick(NAME_PLACES[districtCode]!)}${tradeName}${descriptor}${form}`;
      } while (usedNames.has(name));
      usedNames.add(name);
    }

    enterprises.push({
      creditCode: demoCreditCode(districtCode, serial),
      name,
      districtCode,
      chainCodes,
      clusterCode: cluster && random.chance(CLUSTER_MEMBER_SHARE) ? cluster : null,
      sizeClass: aboveDesignated ? 'above_designated' : 'below_designated',
      manufacturingType: industry.type,
      industryCode: industry.code,
      address: `山东省威海市${DISTRICT_NAMES.get(districtCode)}${random.pick(ADDRESS_STREETS[districtCode]!)}${random.int(1, 399)}号`,
      mainProducts: random.sample(industry.products, random.int(1, Math.min(3, industry.products.length))).join('、'),
      contactName: random.pick(SURNAMES) + random.pick(GIVEN_NAMES),
      contactPhone: demoPhone(serial),
      contactEmail: demoEmail(serial),
    });
  }
  return enterprises;
}
