import { TRACEABILITY_MESSAGES } from './traceability/messages.ts';

// Identifier resolution secondary node (issue 6): the messages its server routes send back (zh-CN, en). Merged into MESSAGES.
export const IDENTIFIER_MESSAGES = {
  ...TRACEABILITY_MESSAGES,
} as const;
