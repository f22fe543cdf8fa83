import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { EmptyState, LoadError, PageSkeleton } from '../../../app/components/PageStates.tsx';

/** A query's three faces in a card: its error with a retry, a skeleton while it loads, an empty state, or the content. */
export function Loaded<T>({
  query,
  rows = 6,
  isEmpty,
  empty,
  children,
}: {
  query: UseQueryResult<T>;
  rows?: number;
  isEmpty?(data: T): boolean;
  empty?: ReactNode;
  children(data: T): ReactNode;
}) {
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data === undefined) return <PageSkeleton rows={rows} />;
  if (isEmpty?.(query.data)) return <EmptyState description={empty} />;
  return <>{children(query.data)}</>;
}
