import type { Role } from '../accounts/roles.ts';

// Recognition ladder (issue 4): who may do what. Merged into PERMISSIONS (accounts/policy.ts).
// Ownership (own enterprise, own district, assigned expert) is checked per record on the server.
export const RECOGNITION_PERMISSIONS = {
  'recognition.programme.read': ['bureau_admin', 'district_officer', 'enterprise_user', 'service_provider', 'expert'],
  'recognition.programme.write': ['bureau_admin'],
  'recognition.application.read': ['bureau_admin', 'district_officer', 'enterprise_user'],
  'recognition.application.write': ['enterprise_user'],
  // the workflow's moves (which role makes which move is the state machine's, workflow.ts)
  'recognition.application.move': ['bureau_admin', 'district_officer', 'enterprise_user'],
  'recognition.review.city': ['bureau_admin'],
  'recognition.panel.manage': ['bureau_admin'],
  'recognition.score': ['expert'],
  'recognition.notice.manage': ['bureau_admin'],
  'recognition.grant': ['bureau_admin'],
  'recognition.recommend': ['bureau_admin'],
  'recognition.ladder.read': ['bureau_admin', 'district_officer'],
  'recognition.calendar.write': ['bureau_admin'],
} as const satisfies Record<string, readonly Role[]>;
