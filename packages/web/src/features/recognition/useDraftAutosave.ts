import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../app/api/client.ts';
import type { SaveStatus } from '../maturity/useAutosave.ts';
import { useLeaveWarning } from '../../app/components/useLeaveWarning.ts';

const DEBOUNCE_MS = 700;

function readStored<T>(key: string | null): Partial<T> {
  if (!key) return {};
  try {
    return JSON.parse(localStorage.getItem(key) ?? '{}') as Partial<T>;
  } catch {
    return {};
  }
}
function writeStored(key: string | null, edits: object) {
  if (!key) return;
  try {
    if (Object.keys(edits).length) localStorage.setItem(key, JSON.stringify(edits));
    else localStorage.removeItem(key);
  } catch {
    // private mode: unsaved edits live in memory only
  }
}

export interface DraftTarget<T> {
  /** Keep unsaved edits in localStorage under this key (null: memory only, e.g. read-only). */
  storageKey: string | null;
  /** The version last read from the server. */
  version: number;
  save(version: number, edits: Partial<T>): Promise<{ version: number }>;
  /** Reads the latest version after a 409. */
  refresh(): Promise<number>;
  /** After a save: refresh the page's data, awaited so what was typed never blinks out. */
  onSaved(): Promise<unknown>;
}

/**
 * Autosave of a form whose fields are replaced whole (an application, a score sheet): edits are kept
 * (in state and localStorage) until the server has them, sent debounced with the version last read.
 * Only the same enterprise (or the one expert) writes these records, so after a 409 the typed edits
 * are laid on the latest version and sent again once; a second refusal stops and says so.
 */
export function useDraftAutosave<T extends object>(target: DraftTarget<T>) {
  const key = target.storageKey;
  const [edits, setEdits] = useState<Partial<T>>(() => readStored<T>(key));
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [error, setError] = useState<ApiError | null>(null);
  const editsRef = useRef(edits);
  const targetRef = useRef(target);
  targetRef.current = target;
  const version = useRef(target.version);
  const saving = useRef(false);
  const again = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    version.current = Math.max(version.current, target.version);
  }, [target.version]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const update = useCallback(
    (next: Partial<T>) => {
      editsRef.current = next;
      setEdits(next);
      writeStored(key, next);
    },
    [key],
  );

  const flush = useCallback(async (): Promise<boolean> => {
    // Inside the callback so that flush stays stable: send reads only refs.
    const send = async (batch: Partial<T>) => {
      try {
        return await targetRef.current.save(version.current, batch);
      } catch (e) {
        if (!(e instanceof ApiError) || e.code !== 'recognition.versionConflict') throw e;
        version.current = await targetRef.current.refresh();
        return targetRef.current.save(version.current, batch);
      }
    };

    clearTimeout(timer.current);
    if (saving.current) {
      again.current = true;
      return false;
    }
    const batch = editsRef.current;
    if (!Object.keys(batch).length) {
      setStatus('saved');
      return true;
    }
    saving.current = true;
    setStatus('saving');
    try {
      version.current = (await send(batch)).version;
      await targetRef.current.onSaved();
      // Only fields not typed again since they were sent leave the unsaved set.
      const rest = { ...editsRef.current };
      for (const k of Object.keys(batch) as (keyof T)[]) if (rest[k] === batch[k]) delete rest[k];
      update(rest);
      setError(null);
      setStatus(Object.keys(rest).length ? 'pending' : 'saved');
      return true;
    } catch (e) {
      const apiError = e instanceof ApiError ? e : null;
      setError(apiError);
      setStatus(apiError?.code === 'recognition.versionConflict' ? 'conflict' : 'failed');
      return false;
    } finally {
      saving.current = false;
      if (again.current) {
        again.current = false;
        timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
      }
    }
  }, [update]);

  // Leaving with edits the server does not have yet asks first.
  useLeaveWarning(Object.keys(edits).length > 0);

  const edit = useCallback(
    (patch: Partial<T>) => {
      update({ ...editsRef.current, ...patch });
      setStatus('pending');
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
    },
    [flush, update],
  );

  // Edits left unsaved by an earlier visit (closed tab, lost connection) are sent again on arrival.
  const resumed = useRef(false);
  useEffect(() => {
    if (resumed.current || !key) return;
    resumed.current = true;
    if (Object.keys(editsRef.current).length) void flush();
  }, [key, flush]);

  return { edits, edit, flush, status, error, hasUnsaved: () => Object.keys(editsRef.current).length > 0 };
}
