// The columns that hold personal information sealed by platform/field-crypto.ts, one place for the repos
// that seal and open them and for the step that re-seals them under the current key.
export const SEALED_COLUMNS = {
  enterprise: { key: 'id', columns: ['contactPhone', 'contactEmail'] },
  recognitionObjection: { key: 'id', columns: ['objectorIdNumber', 'contact'] },
  idPrefix: { key: 'prefix', columns: ['contactPhone', 'contactEmail'] },
  /** An import's parsed rows (JSON), sealed whole. */
  importJob: { key: 'id', columns: ['rowsJson'] },
} as const;

export type SealedTable = keyof typeof SEALED_COLUMNS;
