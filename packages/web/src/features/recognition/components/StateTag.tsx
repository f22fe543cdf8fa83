import type { ApplicationState } from '@zhizao/domain';
import { Tag } from 'antd';
import { STATE_COLORS, useRecognitionLabels } from '../labels.ts';

export function StateTag({ state }: { state: ApplicationState }) {
  const labels = useRecognitionLabels();
  return (
    <Tag color={STATE_COLORS[state]} data-testid="state-tag" data-state={state}>
      {labels.state(state)}
    </Tag>
  );
}
