import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Statistic, Typography } from 'antd';
import { LoadError } from '../../../app/components/PageStates.tsx';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import { fetchTitleFigures } from './api.ts';

/** The seed's figures counted from rows: the 188 demonstration projects by level, 65 pilots, 100 Morning Star Factories. */
export function TitleFigures() {
  const { t } = useI18n();
  const query = useQuery({ queryKey: ['registers', 'titles', 'summary'], queryFn: fetchTitleFigures });
  if (query.error) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  const f = query.data;
  const sm = f?.smartManufacturing;
  const expiring = f?.byKind.reduce((n, k) => n + k.validity.expiring, 0) ?? 0;
  const ladder = sm ? sm.fromLadder.national + sm.fromLadder.provincial + sm.fromLadder.municipal : 0;
  return (
    <Card title={t('titles.figures.title')} loading={query.isPending} style={{ marginBottom: 16 }} data-testid="title-figures">
      {sm && f && (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Statistic title={t('titles.figures.smart')} value={sm.total} data-testid="figure-smart-total" />
              <Typography.Text type="secondary">{t('titles.figures.fromLadder', { n: ladder })}</Typography.Text>
            </Col>
            <Col xs={12} md={4}>
              <Statistic title={t('titles.figures.national')} value={sm.national} />
            </Col>
            <Col xs={12} md={5}>
              <Statistic title={t('titles.figures.provincial')} value={sm.provincial} />
            </Col>
            <Col xs={12} md={5}>
              <Statistic title={t('titles.figures.municipal')} value={sm.municipal} />
            </Col>
            <Col xs={12} md={4}>
              <Statistic title={t('titles.figures.other')} value={sm.other} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('titles.figures.industrialInternet')} value={f.industrialInternet.total} data-testid="figure-ii" />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('titles.figures.morningStar')} value={f.morningStar.total} data-testid="figure-morning-star" />
            </Col>
          </Row>
          {expiring > 0 && (
            <Alert type="warning" showIcon style={{ marginTop: 16 }} title={t('titles.figures.expiring', { n: expiring })} />
          )}
        </>
      )}
    </Card>
  );
}
