import { BarChart, LineChart, PieChart } from 'echarts/charts';
import type { BarSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { init, use } from 'echarts/core';
import type { ComposeOption, ECharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

/*
 * Only the parts of ECharts the dashboard draws (bar, line, pie; grid, legend, tooltip; the SVG
 * renderer, which prints sharp), from 'echarts/core': the whole library would be several times the
 * size. No aria component: each chart's numbers are in a table under it, which screen readers read,
 * and the chart itself is one labelled image. Imported only by the leaders' workspace, a lazy chunk.
 */
use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | PieSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/** What a click on a bar, point or slice says: which series and which category (the axis label or slice name). */
export interface ChartClick {
  readonly seriesIndex: number;
  readonly dataIndex: number;
}

/** A chart drawn into `element` with Chinese built-in words (ECharts ships ZH), as SVG. */
export function createChart(element: HTMLElement): ECharts {
  return init(element, undefined, { renderer: 'svg', locale: 'ZH' });
}

export type { ECharts };
