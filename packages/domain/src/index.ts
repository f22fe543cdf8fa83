export * from './registry/credit-code.ts';
export * from './registry/enterprise.ts';
export * from './registry/weihai.ts';
export * from './accounts/roles.ts';
export * from './accounts/policy.ts';
export * from './accounts/password-policy.ts';
export * from './i18n/messages.ts';
export * from './i18n/field-labels.ts';
