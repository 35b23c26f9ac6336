import { Alert, Flex } from 'antd';
import type { SizingWarning } from '@wangge/contracts';
import { useWarningText } from '../hooks/use-warning-text.ts';

/** Sizing warnings as antd Alerts: advice from the seeds' rules, never a block on editing. */
export function SizingWarnings({ warnings }: { warnings: readonly SizingWarning[] }) {
  const text = useWarningText();
  return (
    <Flex vertical gap={8}>
      {warnings.map((w, i) => (
        <Alert
          key={`${w.unitId}-${w.rule}-${i}`}
          type="warning"
          showIcon
          title={text(w)}
          data-testid="sizing-warning"
          data-rule={w.rule}
        />
      ))}
    </Flex>
  );
}
