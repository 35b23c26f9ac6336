/**
 * One chart in a card with a "save as PNG" action, like the statistics feature's EChart, plus what
 * a live screen needs: the dark theme on the wall, a click on a bar or point that opens the list
 * behind it, and updates merged into the same instance (setOption), never a new one. The instance
 * is disposed on unmount.
 */
import { useEffect, useRef } from 'react';
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDisplay } from '../hooks/use-display.ts';
import { WALL_BACKGROUND } from '../utils/colors.ts';
import { echarts, type ChartOption } from '../utils/echarts.ts';
import { saveUrl } from '@/shared/utils/save-file.ts';

export interface ChartClick {
  seriesIndex?: number | undefined;
  dataIndex: number;
  name: string;
}

export interface ChartCardProps {
  /** The chart's accessible name; the option draws the visible title. */
  title: string;
  option: ChartOption;
  /** The PNG's file name, without extension. */
  fileName: string;
  height: number;
  onClick?: (e: ChartClick) => void;
}

export function ChartCard({ title, option, fileName, height, onClick }: ChartCardProps) {
  const { t } = useTranslation();
  const { wall } = useDisplay();
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const instance = echarts.init(el, wall ? 'dark' : undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (e) => clickRef.current?.({ seriesIndex: e.seriesIndex, dataIndex: e.dataIndex, name: e.name }));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [wall]);

  useEffect(() => {
    // Merged into the live instance: a refresh moves the bars instead of drawing a new chart.
    chart.current?.setOption({ backgroundColor: 'transparent', ...option }, { replaceMerge: ['series'] });
  }, [option, wall]);

  const save = () => {
    const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: wall ? WALL_BACKGROUND : '#fff' });
    if (!url) return;
    saveUrl(url, `${fileName}.png`);
  };

  return (
    <Card size="small" style={{ position: 'relative', height: '100%' }} styles={{ body: { padding: 8 } }}>
      <Button
        size="small"
        type="text"
        icon={<DownloadOutlined />}
        onClick={save}
        style={{ position: 'absolute', top: 6, right: 6, zIndex: 1 }}
        aria-label={t('statistics.charts.savePngOf', { title })}
        title={t('statistics.charts.savePng')}
      />
      <div
        ref={container}
        style={{ height, width: '100%', cursor: onClick ? 'pointer' : undefined }}
        role="img"
        aria-label={title}
      />
    </Card>
  );
}
