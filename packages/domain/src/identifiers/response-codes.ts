// Handle.Net JSON REST response codes and their HTTP statuses (shared/domain/identifiers.md §4 RC codes, §5 HTTP mapping).

export const RC = {
  success: 1,
  error: 2,
  // RFC 3652 §2.2.2.1 RC_SERVER_TOO_BUSY: the answer to a source over its limit
  serverTooBusy: 3,
  protocolError: 4,
  handleNotFound: 100,
  handleAlreadyExists: 101,
  invalidHandle: 102,
  valuesNotFound: 200,
  valueAlreadyExists: 201,
  invalidValue: 202,
  serverNotResponsible: 301,
  insufficientPermissions: 401,
  authenticationNeeded: 402,
  authenticationFailed: 403,
} as const;
export type ResponseCode = (typeof RC)[keyof typeof RC];

/** §5: 1 → 200/201 · 2 → 500 · 100 → 404 · 101 → 409 · 102 → 400 · 200 → 200 on resolution else 400 · 201 → 409 · 202 → 400 · 301 → 400 · 402 → 401 · other auth → 403. */
export function httpStatusFor(code: ResponseCode, context: { resolution?: boolean; created?: boolean } = {}): number {
  switch (code) {
    case RC.success:
      return context.created ? 201 : 200;
    case RC.error:
      return 500;
    case RC.handleNotFound:
      return 404;
    case RC.handleAlreadyExists:
    case RC.valueAlreadyExists:
      return 409;
    case RC.valuesNotFound:
      return context.resolution ? 200 : 400;
    case RC.authenticationNeeded:
      return 401;
    case RC.insufficientPermissions:
    case RC.authenticationFailed:
      return 403;
    default:
      return 400;
  }
}

/** SNMS status codes (§6): 1 success · −1 not logged in · −2 business failure · −3 no permission · −4 internal error. */
export const SNMS_STATUS = { success: 1, notLoggedIn: -1, businessFailure: -2, noPermission: -3, internalError: -4 } as const;
export type SnmsStatus = (typeof SNMS_STATUS)[keyof typeof SNMS_STATUS];

/** A Handle.Net response code seen through SNMS eyes. */
export function snmsStatusFor(code: ResponseCode): SnmsStatus {
  if (code === RC.success) return SNMS_STATUS.success;
  if (code === RC.authenticationNeeded || code === RC.authenticationFailed) return SNMS_STATUS.notLoggedIn;
  if (code === RC.insufficientPermissions) return SNMS_STATUS.noPermission;
  if (code === RC.error) return SNMS_STATUS.internalError;
  return SNMS_STATUS.businessFailure;
}
