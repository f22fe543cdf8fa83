import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../../app/api/client.ts';
import { fetchAssessment, saveAnswers, type AnswerInput, type AssessmentDetail, type StoredAnswer } from './api.ts';
import { maturityKeys } from './queries.ts';
import { useLeaveWarning } from '../../app/components/useLeaveWarning.ts';

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'failed' | 'conflict';
type Edits = Record<string, AnswerInput>;

const DEBOUNCE_MS = 700;
const storageKey = (id: number) => `zhizao.maturity.unsaved.${id}`;

function readStored(key: string): Edits {
  try {
    return JSON.parse(localStorage.getItem(key) ?? '{}') as Edits;
  } catch {
    return {};
  }
}
function writeStored(key: string, edits: Edits) {
  try {
    if (Object.keys(edits).length) localStorage.setItem(key, JSON.stringify(edits));
    else localStorage.removeItem(key);
  } catch {
    // private mode: unsaved answers live in memory only
  }
}

/** Not applicable without a reason would be refused: it waits on this page until the reason is typed. */
export const isSavable = (a: AnswerInput) => a.value !== null || !!a.naReason?.trim();

/** Where a set of answers is saved: the enterprise's assessment, or an expert's review of it. */
export interface AnswerSaveTarget {
  /** Answers the server has. */
  stored: readonly StoredAnswer[];
  /** The version last read from the server. */
  version: number;
  /** Keep unsaved answers in localStorage under this key (null: memory only). */
  storageKey: string | null;
  /** Saves a batch against a version; answers the new version. */
  save(version: number, batch: AnswerInput[]): Promise<{ version: number }>;
  /** Reads the latest version after a conflict. */
  refresh(): Promise<number>;
  /** After a successful save: refresh the page's data; awaited so saved answers never blink out. */
  onSaved(): Promise<unknown>;
}

/**
 * Autosave of answers: edits are kept (in state, and localStorage when keyed) until the server has them,
 * sent in debounced batches with the version last read; a 409 keeps them and waits for a reload.
 */
export function useAnswerAutosave(target: AnswerSaveTarget) {
  const key = target.storageKey;
  const [edits, setEdits] = useState<Edits>(() => (key ? readStored(key) : {}));
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [error, setError] = useState<ApiError | null>(null);
  const version = useRef(target.version);
  const targetRef = useRef(target);
  targetRef.current = target;
  const editsRef = useRef(edits);
  const saving = useRef(false);
  const again = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    version.current = Math.max(version.current, target.version);
  }, [target.version]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const update = useCallback(
    (next: Edits) => {
      editsRef.current = next;
      setEdits(next);
      if (key) writeStored(key, next);
    },
    [key],
  );

  const flush = useCallback(async (): Promise<boolean> => {
    clearTimeout(timer.current);
    if (saving.current) {
      again.current = true;
      return false;
    }
    const batch = Object.values(editsRef.current).filter(isSavable);
    if (!batch.length) {
      setStatus(Object.keys(editsRef.current).length ? 'pending' : 'saved');
      return true;
    }
    saving.current = true;
    setStatus('saving');
    try {
      const saved = await targetRef.current.save(version.current, batch);
      version.current = saved.version;
      // The server's copy is read back before the overlay lets go, so nothing shown empties in between.
      await targetRef.current.onSaved();
      // Only what has not changed again since it was sent leaves the unsaved set.
      const rest = { ...editsRef.current };
      for (const a of batch) if (rest[a.requirementId] === a) delete rest[a.requirementId];
      update(rest);
      setError(null);
      setStatus(Object.keys(rest).length ? 'pending' : 'saved');
      return true;
    } catch (e) {
      const apiError = e instanceof ApiError ? e : null;
      setError(apiError);
      setStatus(apiError?.code === 'maturity.versionConflict' ? 'conflict' : 'failed');
      return false;
    } finally {
      saving.current = false;
      if (again.current) {
        again.current = false;
        timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
      }
    }
  }, [update]);

  // Leaving with answers the server does not have yet asks first.
  useLeaveWarning(Object.keys(edits).length > 0);

  const edit = useCallback(
    (answer: AnswerInput) => {
      update({ ...editsRef.current, [answer.requirementId]: answer });
      setStatus((s) => (s === 'conflict' ? s : 'pending'));
      if (status === 'conflict') return;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
    },
    [flush, update, status],
  );

  /** After a 409: read the latest version, then save what was typed on top of it. */
  const reload = useCallback(async () => {
    version.current = await targetRef.current.refresh();
    setStatus('pending');
    return flush();
  }, [flush]);

  /** The answers to show: the server's, with what is not saved yet laid over them. */
  const answers = useMemo(() => {
    const merged = new Map<string, AnswerInput>();
    for (const a of target.stored)
      merged.set(a.requirementId, {
        requirementId: a.requirementId,
        value: a.value,
        naReason: a.naReason ?? undefined,
        note: a.note ?? undefined,
      });
    for (const a of Object.values(edits)) merged.set(a.requirementId, a);
    return merged;
  }, [target.stored, edits]);

  return {
    answers,
    edit,
    flush,
    reload,
    status,
    error,
    unsaved: Object.keys(edits).length,
    hasUnsaved: () => Object.keys(editsRef.current).length > 0,
    version,
  };
}

const NO_ANSWERS: readonly StoredAnswer[] = [];

/** The questionnaire's autosave of the enterprise's own answers; unsaved ones survive a closed tab. */
export function useAutosave(detail: AssessmentDetail | undefined) {
  const id = detail?.id ?? 0;
  const queryClient = useQueryClient();
  const autosave = useAnswerAutosave({
    stored: detail?.answers ?? NO_ANSWERS,
    version: detail?.version ?? 0,
    storageKey: id && detail?.status === 'draft' ? storageKey(id) : null,
    save: (version, batch) => saveAnswers(id, version, batch),
    refresh: async () =>
      (await queryClient.fetchQuery({ queryKey: maturityKeys.detail(id), queryFn: () => fetchAssessment(id), staleTime: 0 })).version,
    onSaved: () => queryClient.invalidateQueries({ queryKey: maturityKeys.detail(id) }),
  });
  // Answers left unsaved by an earlier visit (closed tab, lost connection) are sent again on arrival.
  const resumed = useRef(false);
  const { flush, hasUnsaved } = autosave;
  useEffect(() => {
    if (resumed.current || !detail || detail.status !== 'draft') return;
    resumed.current = true;
    if (hasUnsaved()) void flush();
  }, [detail, flush, hasUnsaved]);
  return autosave;
}
