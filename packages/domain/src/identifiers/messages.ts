// Identifier resolution secondary node (issue 6): the messages its server routes send back (zh-CN, en). Merged into MESSAGES.
export const IDENTIFIER_MESSAGES = {
} as const;
