// Enterprise prefix lifecycle at the secondary node: apply → real-name review by the node operator → allocated
// (shared/domain/identifiers.md §1 "Onboarding", §2 标识注册). Suspended prefixes still resolve but take no writes;
// revoked and rejected ones are no longer homed here.

export const PREFIX_STATUSES = ['pending', 'active', 'suspended', 'revoked', 'rejected'] as const;
export type PrefixStatus = (typeof PREFIX_STATUSES)[number];

export const PREFIX_ACTIONS = ['approve', 'reject', 'suspend', 'reinstate', 'revoke'] as const;
export type PrefixAction = (typeof PREFIX_ACTIONS)[number];

const TRANSITIONS: Record<PrefixAction, { from: readonly PrefixStatus[]; to: PrefixStatus }> = {
  approve: { from: ['pending'], to: 'active' },
  reject: { from: ['pending'], to: 'rejected' },
  suspend: { from: ['active'], to: 'suspended' },
  reinstate: { from: ['suspended'], to: 'active' },
  revoke: { from: ['active', 'suspended'], to: 'revoked' },
};

/** The status after `action`, or null when the action does not apply to `status`. */
export function nextPrefixStatus(status: PrefixStatus, action: PrefixAction): PrefixStatus | null {
  const t = TRANSITIONS[action];
  return t.from.includes(status) ? t.to : null;
}

/** Does the node answer for identifiers under a prefix in this status (Handle "homed", §1)? */
export const prefixResolves = (status: PrefixStatus): boolean => status === 'active' || status === 'suspended';
/** May its owner write under it? */
export const prefixWritable = (status: PrefixStatus): boolean => status === 'active';

/** The n-th enterprise prefix under the node's prefix: `88.999` → `88.999.n`. */
export const enterprisePrefix = (nodePrefix: string, n: number): string => `${nodePrefix}.${n}`;
