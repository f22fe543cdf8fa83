export interface Requirement {
  id: string;
  modelVersion: string;
  subDomainCode: string;
  level: 1 | 2 | 3 | 4 | 5;
  text: { zh: string; en: string };
  evidence: { zh: string; en: string };
  advice: { zh: string; en: string };
}
