import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { LoadError, PageSkeleton } from '../../../app/components/PageStates.tsx';
import type { AssessmentDetail, ModelView } from '../api.ts';
import { useAssessment, useModel } from '../queries.ts';

/** Loads the assessment named in the route and the model it is scored with, then renders the page. */
export function AssessmentLoader({ render }: { render: (detail: AssessmentDetail, model: ModelView) => ReactNode }) {
  const id = Number(useParams().id);
  const detail = useAssessment(id);
  const model = useModel(detail.data?.modelVersion);
  if (detail.isError) return <LoadError error={detail.error} onRetry={() => void detail.refetch()} />;
  if (model.isError) return <LoadError error={model.error} onRetry={() => void model.refetch()} />;
  if (!detail.data || !model.data) return <PageSkeleton rows={12} />;
  return render(detail.data, model.data);
}
