import { accountsMessages } from '../../features/accounts/messages.ts';
import { auditMessages } from '../../features/audit/messages.ts';
import { maturityMessages } from '../../features/maturity/messages.ts';
import { homeMessages } from '../../features/home/messages.ts';
import { registryMessages } from '../../features/registry/messages.ts';
import { taxonomyMessages } from '../../features/taxonomy/messages.ts';
import { fundingMessages } from '../../features/funding/messages.ts';
import { identifiersMessages } from '../../features/identifiers/messages.ts';
import { recognitionMessages } from '../../features/recognition/messages.ts';
import { registersMessages } from '../../features/registers/messages.ts';
import { appMessages } from './app-messages.ts';

// Every string of the web app, merged once so `t` is typed by the union of all keys.
export const CATALOG = {
  ...appMessages,
  ...homeMessages,
  ...registryMessages,
  ...taxonomyMessages,
  ...accountsMessages,
  ...auditMessages,
  ...maturityMessages,
  ...recognitionMessages,
  ...fundingMessages,
  ...identifiersMessages,
  ...registersMessages,
};
export type MessageId = keyof typeof CATALOG;
