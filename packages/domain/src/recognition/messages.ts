// Recognition ladder (issue 4): the messages its server routes send back (zh-CN, en). Merged into MESSAGES.
export const RECOGNITION_MESSAGES = {
} as const;
