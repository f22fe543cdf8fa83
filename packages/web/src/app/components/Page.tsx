import { Breadcrumb, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export interface Crumb {
  title: string;
  to?: string;
}

interface PageProps {
  title: ReactNode;
  subtitle?: ReactNode;
  /** Buttons at the right of the title. */
  extra?: ReactNode;
  crumbs?: Crumb[];
  children: ReactNode;
}

/** The frame of every page: breadcrumb, title row with actions, then the content. */
export function Page({ title, subtitle, extra, crumbs, children }: PageProps) {
  return (
    <div className="zz-page">
      {crumbs && crumbs.length > 0 && (
        <Breadcrumb className="zz-page-crumbs" items={crumbs.map((c) => ({ title: c.to ? <Link to={c.to}>{c.title}</Link> : c.title }))} />
      )}
      <div className="zz-page-head">
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {subtitle && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
        </div>
        {extra && <div className="zz-page-extra">{extra}</div>}
      </div>
      {children}
    </div>
  );
}
