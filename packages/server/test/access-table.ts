import type { Role } from '@zhizao/domain';

// Who may call which operation: the reviewed statement of access the role × route matrix test
// (role-matrix.test.ts) checks the running server against. Written out by hand from
// packages/domain/src/accounts/policy.ts and each module's permissions.ts, on purpose not computed from
// them: a change to the policy or to a route's guard then shows up here as a diff someone reviews.
// Every operation in the OpenAPI document must have an entry, so a new route must be declared.
//
// - 'public': anyone, logged in or not;
// - 'signedIn': any logged-in account (the record may still be hidden from it: 404);
// - a list of roles: those roles pass the role check; everyone else gets 403, anonymous 401.
//   `byRecord` lists roles the role check lets through but the record can still turn away with 403
//   (e.g. a district officer reading an assessment's advice only once the enterprise shares it).

export type Access = 'public' | 'signedIn' | { roles: readonly Role[]; byRecord?: readonly Role[] };

const B = 'bureau_admin';
const D = 'district_officer';
const E = 'enterprise_user';
const P = 'service_provider';
const X = 'expert';
const SYS = 'system_admin';
const SEC = 'security_admin';
const AUD = 'audit_admin';

const only = (...roles: Role[]): Access => ({ roles });
/** registry.read: every business role, none of the three separated admins. */
const REGISTRY_READERS = only(B, D, E, P, X);
const BUREAU = only(B);
const BUREAU_AND_DISTRICT = only(B, D);
const BUREAU_DISTRICT_ENTERPRISE = only(B, D, E);
const ENTERPRISE = only(E);

/** A register district staff keep (their district's rows) with an enterprise field firms read and correct. */
const districtKeptRegister = (key: string): Record<string, Access> => ({
  [`GET /api/registers/${key}`]: BUREAU_DISTRICT_ENTERPRISE,
  [`GET /api/registers/${key}/{id}`]: BUREAU_DISTRICT_ENTERPRISE,
  [`POST /api/registers/${key}`]: BUREAU_AND_DISTRICT,
  [`PUT /api/registers/${key}/{id}`]: { roles: [B, D], byRecord: [D] },
  [`DELETE /api/registers/${key}/{id}`]: { roles: [B, D], byRecord: [D] },
  [`GET /api/registers/${key}/template.xlsx`]: BUREAU_AND_DISTRICT,
  [`POST /api/registers/${key}/import`]: BUREAU_AND_DISTRICT,
  [`GET /api/registers/${key}/export.xlsx`]: BUREAU_AND_DISTRICT,
  [`POST /api/registers/${key}/{id}/corrections`]: ENTERPRISE,
});

export const ACCESS: Record<string, Access> = {
  // platform and sessions
  'GET /api/health': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'public',
  'GET /api/auth/me': 'signedIn',
  'POST /api/auth/password': 'signedIn',

  // accounts: 三员分立 — the system admin creates and deletes, the security admin assigns and resets
  'GET /api/users': only(SYS, SEC),
  'POST /api/users': only(SYS),
  'GET /api/users/enterprise-options': only(SEC),
  'DELETE /api/users/{id}': only(SYS),
  'PUT /api/users/{id}/role': only(SEC),
  'POST /api/users/{id}/reset-password': only(SEC),
  'PUT /api/users/{id}/enabled': only(SEC),
  'POST /api/users/{id}/unlock': only(SEC),
  'GET /api/settings/security': only(SEC),
  'PUT /api/settings/security': only(SEC),
  'GET /api/audit': only(AUD),
  'GET /api/audit/verify': only(AUD),

  // registry
  'GET /api/registry/taxonomy': 'public',
  'GET /api/registry/stats': REGISTRY_READERS,
  'GET /api/enterprises': REGISTRY_READERS,
  'POST /api/enterprises': BUREAU_AND_DISTRICT,
  'GET /api/enterprises/{id}': REGISTRY_READERS,
  'PUT /api/enterprises/{id}': BUREAU_DISTRICT_ENTERPRISE,
  'POST /api/enterprises/{id}/archive': BUREAU_AND_DISTRICT,
  'POST /api/enterprises/{id}/restore': BUREAU_AND_DISTRICT,
  'GET /api/enterprises/import/template.xlsx': BUREAU_AND_DISTRICT,
  'POST /api/enterprises/import': BUREAU_AND_DISTRICT,
  'GET /api/enterprises/import/{id}': BUREAU_AND_DISTRICT,
  'DELETE /api/enterprises/import/{id}': BUREAU_AND_DISTRICT,
  'GET /api/enterprises/import/{id}/errors.xlsx': BUREAU_AND_DISTRICT,
  'POST /api/enterprises/import/{id}/commit': BUREAU_AND_DISTRICT,
  'GET /api/enterprises/export.xlsx': BUREAU_AND_DISTRICT,
  'GET /api/registry/taxonomy/usage': BUREAU,
  'POST /api/registry/chains': BUREAU,
  'PUT /api/registry/chains/{code}': BUREAU,
  'DELETE /api/registry/chains/{code}': BUREAU,
  'POST /api/registry/clusters': BUREAU,
  'PUT /api/registry/clusters/{code}': BUREAU,
  'DELETE /api/registry/clusters/{code}': BUREAU,
  'PUT /api/registry/districts/{code}': BUREAU,

  // maturity self-diagnosis
  'GET /api/maturity/models': 'signedIn',
  'GET /api/maturity/models/{id}': 'signedIn',
  'POST /api/maturity/models/{id}/copy': BUREAU,
  'PUT /api/maturity/models/{id}/weights': BUREAU,
  'POST /api/maturity/models/{id}/requirements': BUREAU,
  'PUT /api/maturity/models/{id}/requirements/{requirementId}': BUREAU,
  'POST /api/maturity/score': 'signedIn',
  'GET /api/maturity/assessments': BUREAU_DISTRICT_ENTERPRISE,
  'POST /api/maturity/assessments': ENTERPRISE,
  'GET /api/maturity/assessments/{id}': BUREAU_DISTRICT_ENTERPRISE,
  'PUT /api/maturity/assessments/{id}/answers': ENTERPRISE,
  'POST /api/maturity/assessments/{id}/submit': ENTERPRISE,
  'GET /api/maturity/assessments/{id}/result': BUREAU_DISTRICT_ENTERPRISE,
  'GET /api/maturity/assessments/{id}/advice': { roles: [B, D, E], byRecord: [B, D] },
  'GET /api/maturity/assessments/{id}/expert-review': only(B, D, E, X),
  'POST /api/maturity/assessments/{id}/expert-review': BUREAU,
  'GET /api/maturity/expert-reviews': only(B, D, E, X),
  'PUT /api/maturity/assessments/{id}/expert-review/answers': only(X),
  'POST /api/maturity/assessments/{id}/expert-review/submit': only(X),
  'GET /api/maturity/distribution': BUREAU_AND_DISTRICT,
  'GET /api/maturity/eligible': BUREAU_AND_DISTRICT,
  'GET /api/maturity/distribution.xlsx': BUREAU_AND_DISTRICT,
  'GET /api/maturity/eligible.xlsx': BUREAU_AND_DISTRICT,
  'GET /api/maturity/assessments/{id}/report': { roles: [B, D, E], byRecord: [B, D] },
  'GET /api/maturity/assessments/{id}/report.docx': { roles: [B, D, E], byRecord: [B, D] },
  'GET /api/maturity/assessments/{id}/report.pdf': { roles: [B, D, E], byRecord: [B, D] },
  'POST /api/maturity/assessments/{id}/share': ENTERPRISE,
  'DELETE /api/maturity/assessments/{id}/share': ENTERPRISE,
  'GET /api/maturity/assessments/{id}/evidence': 'signedIn',
  'POST /api/maturity/assessments/{id}/evidence': ENTERPRISE,
  'GET /api/maturity/evidence/{fileId}': 'signedIn',
  'DELETE /api/maturity/evidence/{fileId}': ENTERPRISE,

  // recognition ladder
  'GET /api/recognition/programmes': REGISTRY_READERS,
  'POST /api/recognition/programmes': BUREAU,
  'GET /api/recognition/programmes/{id}': REGISTRY_READERS,
  'PUT /api/recognition/programmes/{id}': BUREAU,
  'GET /api/recognition/programmes/{id}/gates': BUREAU_DISTRICT_ENTERPRISE,
  'GET /api/recognition/applications': BUREAU_DISTRICT_ENTERPRISE,
  'POST /api/recognition/applications': ENTERPRISE,
  'GET /api/recognition/applications/{id}': BUREAU_DISTRICT_ENTERPRISE,
  'PUT /api/recognition/applications/{id}': ENTERPRISE,
  'POST /api/recognition/applications/{id}/moves': BUREAU_DISTRICT_ENTERPRISE,
  'GET /api/recognition/applications/{id}/attachments': 'signedIn',
  'POST /api/recognition/applications/{id}/attachments': ENTERPRISE,
  'GET /api/recognition/attachments/{fileId}': 'signedIn',
  'DELETE /api/recognition/attachments/{fileId}': ENTERPRISE,
  'GET /api/recognition/experts': BUREAU,
  'POST /api/recognition/experts/{userId}/ties': BUREAU,
  'DELETE /api/recognition/experts/ties/{tieId}': BUREAU,
  'GET /api/recognition/applications/{id}/panel': BUREAU,
  'PUT /api/recognition/applications/{id}/panel': BUREAU,
  'GET /api/recognition/expert/assignments': only(X),
  'GET /api/recognition/expert/assignments/{applicationId}': only(X),
  'PUT /api/recognition/expert/assignments/{applicationId}': only(X),
  'POST /api/recognition/expert/assignments/{applicationId}/submit': only(X),
  'GET /api/recognition/programmes/{id}/shortlist': BUREAU,
  'POST /api/recognition/programmes/{id}/notices': BUREAU,
  'GET /api/recognition/notices': BUREAU,
  'GET /api/recognition/notices/{id}': BUREAU,
  'POST /api/recognition/notices/{id}/objections': BUREAU,
  'POST /api/recognition/objections/{id}/handle': BUREAU,
  'GET /api/recognition/calendar': REGISTRY_READERS,
  'GET /api/recognition/calendar/end-date': REGISTRY_READERS,
  'PUT /api/recognition/calendar/{date}': BUREAU,
  'DELETE /api/recognition/calendar/{date}': BUREAU,
  'GET /api/public/recognition/notices': 'public',
  'GET /api/public/recognition/notices/{id}': 'public',
  'POST /api/public/recognition/notices/{id}/objections': 'public',
  'GET /api/public/recognition/recognised': 'public',
  'GET /api/recognition/recognitions': BUREAU_DISTRICT_ENTERPRISE,
  'GET /api/recognition/recognitions/{id}': BUREAU_DISTRICT_ENTERPRISE,
  'GET /api/recognition/recognitions/{id}/certificate.pdf': BUREAU_DISTRICT_ENTERPRISE,
  'POST /api/recognition/recognitions/{id}/reevaluations': BUREAU,
  'POST /api/recognition/recognitions/{id}/revoke': BUREAU,
  'GET /api/recognition/recommendations': BUREAU,
  'POST /api/recognition/recommendations': BUREAU,
  'GET /api/recognition/recommendations/{id}': BUREAU,
  'GET /api/recognition/recommendations/{id}/files/{name}': BUREAU,
  'POST /api/recognition/recommendations/{id}/items/{recognitionId}/outcome': BUREAU,
  'GET /api/recognition/ladder/enterprises/{id}': BUREAU_DISTRICT_ENTERPRISE,
  'GET /api/recognition/ladder': BUREAU_AND_DISTRICT,
  'GET /api/recognition/kpis': BUREAU_AND_DISTRICT,

  // projects and subsidy funds
  'GET /api/funding/projects': BUREAU_DISTRICT_ENTERPRISE,
  'POST /api/funding/projects': BUREAU_DISTRICT_ENTERPRISE,
  'GET /api/funding/projects/{id}': BUREAU_DISTRICT_ENTERPRISE,
  'PUT /api/funding/projects/{id}': BUREAU_DISTRICT_ENTERPRISE,
  'POST /api/funding/projects/{id}/complete': BUREAU_DISTRICT_ENTERPRISE,
  'GET /api/funding/projects/template.xlsx': BUREAU_AND_DISTRICT,
  'POST /api/funding/projects/import': BUREAU_AND_DISTRICT,
  'GET /api/funding/projects/export.xlsx': BUREAU_AND_DISTRICT,
  'GET /api/funding/funds': BUREAU_AND_DISTRICT,
  'POST /api/funding/funds': BUREAU,
  'GET /api/funding/funds/{id}': BUREAU_AND_DISTRICT,
  'PUT /api/funding/funds/{id}': BUREAU,
  'GET /api/funding/funds/{id}/ledger': BUREAU_AND_DISTRICT,
  'GET /api/funding/policies': only(B, D, E, X),
  'POST /api/funding/policies': BUREAU,
  'GET /api/funding/policies/{id}': only(B, D, E, X),
  'POST /api/funding/policies/{id}/retire': BUREAU,
  'POST /api/funding/policies/{id}/calculate': only(B, D, E, X),
  'GET /api/funding/awards': BUREAU_DISTRICT_ENTERPRISE,
  'POST /api/funding/awards': ENTERPRISE,
  'GET /api/funding/awards/{id}': BUREAU_DISTRICT_ENTERPRISE,
  // which role makes which move is the award workflow's; the route lets every award reader try
  'POST /api/funding/awards/{id}/moves': BUREAU_DISTRICT_ENTERPRISE,
  'GET /api/funding/sample-draws': BUREAU_AND_DISTRICT,
  'POST /api/funding/sample-draws': BUREAU,
  'GET /api/funding/sample-draws/{id}': BUREAU_AND_DISTRICT,
  'GET /api/funding/reports/years': BUREAU_AND_DISTRICT,
  'GET /api/funding/reports/breakdown': BUREAU_AND_DISTRICT,
  'GET /api/funding/reports/cumulative': BUREAU_AND_DISTRICT,
  'GET /api/funding/reports/records': BUREAU_AND_DISTRICT,
  'GET /api/funding/reports/export.xlsx': BUREAU_AND_DISTRICT,

  // identifier resolution node
  'GET /api/identifiers/node': 'signedIn',
  'GET /api/handle-protocol/siteinfo.json': 'public',
  // the node's operators see every prefix, an enterprise its own; other accounts have none to see
  'GET /api/identifiers/prefixes': BUREAU_DISTRICT_ENTERPRISE,
  'POST /api/identifiers/prefixes': ENTERPRISE,
  'POST /api/identifiers/prefixes/{prefix}/decision': BUREAU,
  'GET /api/identifiers/prefixes/{prefix}/templates': BUREAU_DISTRICT_ENTERPRISE,
  'POST /api/identifiers/prefixes/{prefix}/templates': ENTERPRISE,
  'GET /api/identifiers/prefixes/{prefix}/templates/{version}': BUREAU_DISTRICT_ENTERPRISE,
  'GET /api/identifiers/prefixes/{prefix}/identifiers': BUREAU_DISTRICT_ENTERPRISE,
  'GET /api/identifiers/record': 'signedIn',
  'DELETE /api/identifiers/record': ENTERPRISE,
  'POST /api/identifiers/records': ENTERPRISE,
  'POST /api/identifiers/records/batch': ENTERPRISE,
  'GET /api/identifiers/api-keys': ENTERPRISE,
  'POST /api/identifiers/api-keys': ENTERPRISE,
  'DELETE /api/identifiers/api-keys/{id}': ENTERPRISE,
  'GET /api/identifiers/grants': ENTERPRISE,
  'POST /api/identifiers/grants': ENTERPRISE,
  'DELETE /api/identifiers/grants/{prefix}/{enterpriseId}': ENTERPRISE,
  'GET /api/identifiers/stats': BUREAU_AND_DISTRICT,
  'GET /api/identifiers/stats/export': BUREAU,
  'POST /api/identifiers/uploads': ENTERPRISE,
  'GET /api/identifiers/uploads/template.csv': ENTERPRISE,
  'GET /api/identifiers/uploads/{id}': ENTERPRISE,

  // traceability: events belong to the capturing enterprise, the bureau reads all; the warehouse is the enterprise's own
  'GET /api/traceability/events': only(B, E),
  'GET /api/traceability/warehouse/stock': ENTERPRISE,
  'GET /api/traceability/warehouse/movements': ENTERPRISE,
  'POST /api/traceability/warehouse/flows': ENTERPRISE,
  'GET /api/trace': 'public',
  'POST /api/epcis/capture': ENTERPRISE,
  'GET /api/epcis/capture/{captureId}': only(B, E),
  'GET /api/epcis/capture/{captureId}/document': only(B, E),
  'GET /api/epcis/events': only(B, E),
  'POST /api/epcis/events': ENTERPRISE,
  'GET /api/epcis/events/{eventId}': only(B, E),
  'GET /api/epcis/epcs/{epc}/events': only(B, E),

  // registers: each register's read / write / export roles (domain registers/permissions.ts); rows are
  // then scoped by ownership (district staff keep their district's rows, a firm sees its own)
  'GET /api/registers/corrections': only(B, D, E),
  'POST /api/registers/corrections/{id}/decide': { roles: [B, D], byRecord: [D] },
  'GET /api/registers/policies': REGISTRY_READERS,
  'GET /api/registers/policies/{id}': REGISTRY_READERS,
  'POST /api/registers/policies': BUREAU,
  'PUT /api/registers/policies/{id}': BUREAU,
  'DELETE /api/registers/policies/{id}': BUREAU,
  'GET /api/registers/policies/template.xlsx': BUREAU,
  'POST /api/registers/policies/import': BUREAU,
  'GET /api/registers/policies/export.xlsx': BUREAU_AND_DISTRICT,
  // talent: district staff keep their district's carriers and honoured people, firms read those naming
  // them and propose corrections; the bureau keeps the payments (the talent fund's ledger)
  ...districtKeptRegister('training-carriers'),
  ...districtKeptRegister('skill-honours'),
  'GET /api/registers/talent-payments': BUREAU_AND_DISTRICT,
  'GET /api/registers/talent-payments/{id}': BUREAU_AND_DISTRICT,
  'POST /api/registers/talent-payments': BUREAU,
  'PUT /api/registers/talent-payments/{id}': BUREAU,
  'DELETE /api/registers/talent-payments/{id}': BUREAU,
  'GET /api/registers/talent-payments/template.xlsx': BUREAU,
  'POST /api/registers/talent-payments/import': BUREAU,
  'GET /api/registers/talent-payments/export.xlsx': BUREAU,
  'GET /api/registers/talent/figures': BUREAU_AND_DISTRICT,
  // titles a firm holds and upward recommendations: enterprise rows, kept by the bureau and the firm's district
  'GET /api/registers/titles': BUREAU_DISTRICT_ENTERPRISE,
  'GET /api/registers/titles/{id}': BUREAU_DISTRICT_ENTERPRISE,
  'POST /api/registers/titles': BUREAU_AND_DISTRICT,
  'PUT /api/registers/titles/{id}': { roles: [B, D], byRecord: [D] },
  'DELETE /api/registers/titles/{id}': { roles: [B, D], byRecord: [D] },
  'GET /api/registers/titles/template.xlsx': BUREAU_AND_DISTRICT,
  'POST /api/registers/titles/import': BUREAU_AND_DISTRICT,
  'GET /api/registers/titles/export.xlsx': BUREAU_AND_DISTRICT,
  'POST /api/registers/titles/{id}/corrections': ENTERPRISE,
  'GET /api/registers/titles/summary': BUREAU_DISTRICT_ENTERPRISE,
  'GET /api/registers/upward-recommendations': BUREAU_DISTRICT_ENTERPRISE,
  'GET /api/registers/upward-recommendations/{id}': BUREAU_DISTRICT_ENTERPRISE,
  'POST /api/registers/upward-recommendations': BUREAU_AND_DISTRICT,
  'PUT /api/registers/upward-recommendations/{id}': { roles: [B, D], byRecord: [D] },
  'DELETE /api/registers/upward-recommendations/{id}': { roles: [B, D], byRecord: [D] },
  'GET /api/registers/upward-recommendations/template.xlsx': BUREAU_AND_DISTRICT,
  'POST /api/registers/upward-recommendations/import': BUREAU_AND_DISTRICT,
  'GET /api/registers/upward-recommendations/export.xlsx': BUREAU_AND_DISTRICT,
  'POST /api/registers/upward-recommendations/{id}/corrections': ENTERPRISE,
  'GET /api/registers/upward-recommendations/summary': BUREAU_DISTRICT_ENTERPRISE,
  'GET /api/registers/titles/enterprises/{enterpriseId}/timeline': BUREAU_DISTRICT_ENTERPRISE,
  'POST /api/registers/titles/{id}/files': { roles: [B, D], byRecord: [D] },
  'GET /api/registers/titles/{id}/files': BUREAU_DISTRICT_ENTERPRISE,
  'GET /api/registers/titles/{id}/files/{fileId}': BUREAU_DISTRICT_ENTERPRISE,
};
