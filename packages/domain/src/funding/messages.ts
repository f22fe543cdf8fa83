// Projects and subsidy funds (issue 5): the messages its server routes send back (zh-CN, en). Merged into MESSAGES.
export const FUNDING_MESSAGES = {
} as const;
