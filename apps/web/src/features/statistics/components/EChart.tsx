/**
 * One chart in a card, with a "save as image" action. The title is drawn by the chart itself
 * (with the unit and period as subtitle), so the saved PNG can go straight into a report.
 */
import { useEffect, useRef } from 'react';
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { echarts, type ChartOption } from '../utils/echarts.ts';
import { saveUrl } from '@/shared/utils/save-file.ts';

export interface EChartProps {
  /** The chart's accessible name; the option draws the visible title. */
  title: string;
  option: ChartOption;
  /** The PNG's file name, without extension. */
  fileName: string;
  height?: number;
}

export function EChart({ title, option, fileName, height = 300 }: EChartProps) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  const save = () => {
    const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    if (!url) return;
    saveUrl(url, `${fileName}.png`);
  };

  return (
    <Card size="small" style={{ position: 'relative' }}>
      <Button
        size="small"
        type="text"
        icon={<DownloadOutlined />}
        onClick={save}
        style={{ position: 'absolute', top: 8, right: 8, zIndex: 1 }}
        aria-label={t('statistics.charts.savePngOf', { title })}
      >
        {t('statistics.charts.savePng')}
      </Button>
      <div ref={container} style={{ height, width: '100%' }} role="img" aria-label={title} />
    </Card>
  );
}
