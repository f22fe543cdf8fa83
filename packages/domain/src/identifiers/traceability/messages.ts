// Traceability (EPCIS 2.0 capture and query, trace pages, warehouse flows): its server messages (zh-CN, en).
export const TRACEABILITY_MESSAGES = {
} as const;
