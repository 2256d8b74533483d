import { useEffect, useRef } from 'react';
import { ChartClick, ChartOption, createChart, ECharts } from './echarts';

interface Props {
  readonly option: ChartOption;
  /** What the chart shows, for screen readers (the figures themselves are in the table under it). */
  readonly label: string;
  /** A click on a bar, point or slice: the dashboard drills down to the rows behind it. */
  readonly onClick?: (click: ChartClick) => void;
  readonly height?: number;
}

/**
 * One ECharts chart as a React component (a small wrapper of our own rather than a wrapper
 * package: create on mount, set the option when it changes, follow the container's size, dispose
 * on unmount — React 19's double mount in development included).
 */
export function EChart({ option, label, onClick, height = 280 }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const click = useRef(onClick);

  useEffect(() => {
    click.current = onClick;
  }, [onClick]);

  useEffect(() => {
    if (!element.current) return undefined;
    const instance = createChart(element.current);
    chart.current = instance;
    instance.on('click', (params) => {
      const { seriesIndex, dataIndex } = params as { seriesIndex?: number; dataIndex?: number };
      if (seriesIndex !== undefined && dataIndex !== undefined) click.current?.({ seriesIndex, dataIndex });
    });
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(element.current);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  // Options are plain data: compared by value, so a re-render with the same figures redraws nothing.
  const serialized = JSON.stringify(option);
  useEffect(() => {
    chart.current?.setOption(JSON.parse(serialized) as ChartOption, { notMerge: true });
  }, [serialized]);

  return <div ref={element} role="img" aria-label={label} style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined }} />;
}
