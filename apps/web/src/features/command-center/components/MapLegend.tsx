/** The legend of the map's colours for the chosen measure (no steps: no children), and of the ticket dots by light. */
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { NO_DATA_COLOR, stepLabel, type Measure, type MeasureStep } from '../utils/measure.ts';
import { lightColors } from '../utils/colors.ts';

function Swatch({ color, round }: { color: string; round?: boolean }) {
  return (
    <span
      style={{
        width: round ? 12 : 18,
        height: 12,
        background: color,
        display: 'inline-block',
        borderRadius: round ? 6 : 2,
        border: '1px solid rgba(128,128,128,0.4)',
      }}
    />
  );
}

export function MapLegend({
  measure,
  steps,
  showPoints,
}: {
  measure: Measure;
  steps: readonly MeasureStep[];
  showPoints: boolean;
}) {
  const { t } = useTranslation();
  return (
    <section aria-label={t('commandCenter.map.legend')} data-testid="cc-legend" data-measure={measure}>
      <Flex vertical gap={2}>
        {steps.length > 0 && (
          <Typography.Text strong style={{ fontSize: 'inherit' }}>
            {t(`commandCenter.measure.${measure}`)}
          </Typography.Text>
        )}
        {steps.map((s, i) => (
          <Flex key={s.color} gap={8} align="center" data-testid="cc-legend-step" data-color={s.color}>
            <Swatch color={s.color} />
            <Typography.Text style={{ fontSize: 'inherit' }}>{stepLabel(measure, s, i === steps.length - 1)}</Typography.Text>
          </Flex>
        ))}
        {steps.length > 0 && (
          <Flex gap={8} align="center" data-testid="cc-legend-step" data-color={NO_DATA_COLOR}>
            <Swatch color={NO_DATA_COLOR} />
            <Typography.Text type="secondary" style={{ fontSize: 'inherit' }}>
              {t('commandCenter.map.noData')}
            </Typography.Text>
          </Flex>
        )}
        {showPoints && (
          <Flex gap={8} wrap style={{ marginTop: 6 }}>
            {(['green', 'yellow', 'red'] as const).map((light) => (
              <Flex key={light} gap={4} align="center">
                <Swatch color={lightColors[light]} round />
                <Typography.Text style={{ fontSize: 'inherit' }}>{t(`commandCenter.light.${light}`)}</Typography.Text>
              </Flex>
            ))}
          </Flex>
        )}
      </Flex>
    </section>
  );
}
