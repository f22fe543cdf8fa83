// The Handle protocol's wire format (RFC 3652, data model RFC 3651), as CNRI's clients and Handle.Net 9 speak it.
export * from './bytes.ts';
export * from './codes.ts';
export * from './values.ts';
export * from './message.ts';
export * from './response.ts';
export * from './json.ts';
