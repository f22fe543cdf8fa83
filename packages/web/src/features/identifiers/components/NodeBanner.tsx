import { Alert } from 'antd';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { useNode } from '../queries.ts';

/** The node's own prefix, saying plainly when it is the demo value rather than a nationally allocated one. */
export function NodeBanner() {
  const t = useT();
  const node = useNode();
  if (!node.data) return null;
  const { nodePrefix, demoPrefix } = node.data;
  return (
    <Alert
      type={demoPrefix ? 'warning' : 'info'}
      showIcon
      style={{ marginBottom: 16 }}
      title={t(demoPrefix ? 'identifiers.node.demoPrefix' : 'identifiers.node.prefix', { prefix: nodePrefix })}
      data-testid="node-banner"
    />
  );
}
