import { ApartmentOutlined, BankOutlined, ExperimentOutlined, ToolOutlined } from '@ant-design/icons';
import { Card, Col, Row, Statistic } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { RegistryStats } from '../../registry/api.ts';

function StatCard({ title, value, icon, color, note }: { title: string; value: number; icon: ReactNode; color: string; note?: string }) {
  const t = useT();
  return (
    <Card variant="borderless">
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start' }}>
        <Statistic title={title} value={value} suffix={t('home.unit')} />
        <span style={{ fontSize: 22, color, background: `${color}14`, borderRadius: 8, padding: '6px 10px' }}>{icon}</span>
      </div>
      <div style={{ color: '#8c8c8c', fontSize: 12, minHeight: 18 }}>{note}</div>
    </Card>
  );
}

/** The four headline counts of the registry. */
export function StatCards({ stats }: { stats: RegistryStats }) {
  const t = useT();
  const share = (n: number) => (stats.enterprises ? t('home.share', { percent: Math.round((n / stats.enterprises) * 100) }) : undefined);
  const above = stats.bySizeClass.above_designated ?? 0;
  const discrete = stats.byManufacturingType.discrete ?? 0;
  const process = stats.byManufacturingType.process ?? 0;
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="stat-cards">
      <Col xs={24} sm={12} xl={6}>
        <StatCard title={t('home.enterprises')} value={stats.enterprises} icon={<BankOutlined />} color="#1a5fd6" />
      </Col>
      <Col xs={24} sm={12} xl={6}>
        <StatCard title={t('home.aboveDesignated')} value={above} icon={<ApartmentOutlined />} color="#389e0d" note={share(above)} />
      </Col>
      <Col xs={24} sm={12} xl={6}>
        <StatCard title={t('home.discrete')} value={discrete} icon={<ToolOutlined />} color="#d46b08" note={share(discrete)} />
      </Col>
      <Col xs={24} sm={12} xl={6}>
        <StatCard title={t('home.process')} value={process} icon={<ExperimentOutlined />} color="#722ed1" note={share(process)} />
      </Col>
    </Row>
  );
}
