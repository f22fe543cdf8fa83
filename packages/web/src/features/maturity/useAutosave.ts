import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../../app/api/client.ts';
import { fetchAssessment, saveAnswers, type AnswerInput, type AssessmentDetail } from './api.ts';
import { maturityKeys } from './queries.ts';

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'failed' | 'conflict';
type Edits = Record<string, AnswerInput>;

const DEBOUNCE_MS = 700;
const storageKey = (id: number) => `zhizao.maturity.unsaved.${id}`;

function readStored(id: number): Edits {
  try {
    return JSON.parse(localStorage.getItem(storageKey(id)) ?? '{}') as Edits;
  } catch {
    return {};
  }
}
function writeStored(id: number, edits: Edits) {
  try {
    if (Object.keys(edits).length) localStorage.setItem(storageKey(id), JSON.stringify(edits));
    else localStorage.removeItem(storageKey(id));
  } catch {
    // private mode: unsaved answers live in memory only
  }
}

/** Not applicable without a reason would be refused: it waits on this page until the reason is typed. */
export const isSavable = (a: AnswerInput) => a.value !== null || !!a.naReason?.trim();

/**
 * The questionnaire's autosave: edits are kept (in state and localStorage) until the server has them,
 * sent in debounced batches with the version last read; a 409 keeps them and waits for a reload.
 */
export function useAutosave(detail: AssessmentDetail | undefined) {
  const id = detail?.id ?? 0;
  const queryClient = useQueryClient();
  const [edits, setEdits] = useState<Edits>(() => (id && detail?.status === 'draft' ? readStored(id) : {}));
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [error, setError] = useState<ApiError | null>(null);
  const version = useRef(0);
  const editsRef = useRef(edits);
  const saving = useRef(false);
  const again = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    if (detail) version.current = Math.max(version.current, detail.version);
  }, [detail]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const update = useCallback(
    (next: Edits) => {
      editsRef.current = next;
      setEdits(next);
      writeStored(id, next);
    },
    [id],
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
      const saved = await saveAnswers(id, version.current, batch);
      version.current = saved.version;
      // Only what has not changed again since it was sent leaves the unsaved set.
      const rest = { ...editsRef.current };
      for (const a of batch) if (rest[a.requirementId] === a) delete rest[a.requirementId];
      update(rest);
      setError(null);
      setStatus(Object.keys(rest).length ? 'pending' : 'saved');
      void queryClient.invalidateQueries({ queryKey: maturityKeys.detail(id) });
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
  }, [id, queryClient, update]);

  // Answers left unsaved by an earlier visit (closed tab, lost connection) are sent again on arrival.
  const resumed = useRef(false);
  useEffect(() => {
    if (resumed.current || !detail || detail.status !== 'draft') return;
    resumed.current = true;
    if (Object.keys(editsRef.current).length) void flush();
  }, [detail, flush]);

  // Leaving with answers the server does not have yet asks first (they stay in localStorage either way).
  useEffect(() => {
    if (!Object.keys(edits).length) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [edits]);

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
    const fresh = await queryClient.fetchQuery({ queryKey: maturityKeys.detail(id), queryFn: () => fetchAssessment(id), staleTime: 0 });
    version.current = fresh.version;
    setStatus('pending');
    return flush();
  }, [flush, id, queryClient]);

  /** The answers to show: the server's, with what is not saved yet laid over them. */
  const answers = useMemo(() => {
    const merged = new Map<string, AnswerInput>();
    for (const a of detail?.answers ?? []) merged.set(a.requirementId, { requirementId: a.requirementId, value: a.value, naReason: a.naReason ?? undefined, note: a.note ?? undefined });
    for (const a of Object.values(edits)) merged.set(a.requirementId, a);
    return merged;
  }, [detail, edits]);

  return { answers, edit, flush, reload, status, error, unsaved: Object.keys(edits).length, hasUnsaved: () => Object.keys(editsRef.current).length > 0, version };
}
