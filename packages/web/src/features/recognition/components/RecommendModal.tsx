import { useQueryClient } from '@tanstack/react-query';
import { nextLevel } from '@zhizao/domain';
import { Form, List, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { FormModal } from '../../../app/components/FormModal.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { createRecommendation, type Recognition } from '../ladderApi.ts';
import { useRecognitionLabels } from '../labels.ts';
import { recognitionKeys } from '../queries.ts';

/**
 * Recommends the chosen recognitions one level up, in the order they were chosen (the ranked summary
 * table's priority). All must share kind, year and level; the server builds and hashes the pack.
 */
export function RecommendModal({ chosen, open, onClose }: { chosen: Recognition[]; open: boolean; onClose(): void }) {
  const t = useT();
  const labels = useRecognitionLabels();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const first = chosen[0];
  const target = first ? nextLevel(first.level) : null;
  return (
    <FormModal<object>
      name="recommend"
      open={open}
      title={t('recognition.recommend.title')}
      okText={t('recognition.recommend.create')}
      fields={['recognitionIds', 'targetLevel']}
      onSubmit={async () => {
        if (!first || !target || target === 'municipal') throw new Error(t('recognition.recommend.top'));
        const created = await createRecommendation({
          targetLevel: target,
          kind: first.kind,
          year: first.year,
          recognitionIds: chosen.map((r) => r.id),
        });
        await queryClient.invalidateQueries({ queryKey: recognitionKeys.all });
        void navigate(`/recognition/recommendations#r${created.id}`);
      }}
      onClose={onClose}
      testId="recommend-dialog"
    >
      <Typography.Paragraph>
        {target ? t('recognition.recommend.to', { level: labels.level(target) }) : t('recognition.recommend.top')}
      </Typography.Paragraph>
      <Form.Item label={t('recognition.recommend.order')}>
        <List
          size="small"
          bordered
          dataSource={chosen}
          renderItem={(r, i) => (
            <List.Item>
              {i + 1}. {r.enterpriseName} · {r.projectName}
            </List.Item>
          )}
        />
      </Form.Item>
    </FormModal>
  );
}
