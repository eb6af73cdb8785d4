/**
 * Chart themes: light, dark and projector (high contrast, sized for 1920×1080: labels 24 px,
 * titles 48 px, thick lines, big markers). Series colours are Okabe–Ito, safe for the
 * common kinds of colour blindness; meaning is also carried by arrows, labels and dash patterns.
 */
import type { TrafficLight } from '../analysis/completion';

/** good = green, bad = red (scorecards, the default); or rise = red, fall = green (finance). */
export type ColourConvention = 'good-green' | 'rise-red';

/** Everything a builder needs to know about looks. */
export interface ChartTheme {
  name: 'light' | 'dark' | 'projector';
  convention: ColourConvention;
  background: string;
  text: string;
  subtleText: string;
  axisLine: string;
  splitLine: string;
  /** Series colours, in order. */
  palette: readonly string[];
  good: string;
  bad: string;
  /** Yellow traffic light. */
  warn: string;
  /** A bar with nothing to say about targets. */
  neutral: string;
  /** Previous period markers. */
  ghost: string;
  /** Map areas with no data. */
  noData: string;
  fontFamily: string;
  /** Labels, px. */
  fontSize: number;
  /** Titles, px. */
  titleSize: number;
  lineWidth: number;
  symbolSize: number;
}

/**
 * The fonts domain.md asks for, with CJK glyphs on Windows, macOS and Linux. Single quotes: ECharts'
 * SVG renderer writes the family into a double-quoted `style` attribute without escaping, so double
 * quotes here would make an exported SVG invalid XML.
 */
export const FONT_FAMILY = "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif";

const OKABE_ITO = {
  orange: '#E69F00',
  sky: '#56B4E9',
  green: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  purple: '#CC79A7',
};

/** Light background, for the screen and print. */
export const light: ChartTheme = {
  name: 'light',
  convention: 'good-green',
  background: '#FFFFFF',
  text: '#1A1A1A',
  subtleText: '#555555',
  axisLine: '#888888',
  splitLine: '#E5E5E5',
  // Yellow is unreadable on white, so it is left out here.
  palette: [OKABE_ITO.blue, OKABE_ITO.orange, OKABE_ITO.green, OKABE_ITO.purple, OKABE_ITO.sky, OKABE_ITO.vermillion, '#000000'],
  good: OKABE_ITO.green,
  bad: OKABE_ITO.vermillion,
  warn: OKABE_ITO.orange,
  neutral: OKABE_ITO.blue,
  ghost: '#7F7F7F',
  noData: '#EEEEEE',
  fontFamily: FONT_FAMILY,
  fontSize: 12,
  titleSize: 18,
  lineWidth: 2,
  symbolSize: 6,
};

/** Dark background. */
export const dark: ChartTheme = {
  ...light,
  name: 'dark',
  background: '#121212',
  text: '#F2F2F2',
  subtleText: '#BBBBBB',
  axisLine: '#999999',
  splitLine: '#333333',
  palette: [OKABE_ITO.sky, OKABE_ITO.orange, OKABE_ITO.green, OKABE_ITO.purple, OKABE_ITO.yellow, OKABE_ITO.vermillion, '#FFFFFF'],
  neutral: OKABE_ITO.sky,
  ghost: '#A0A0A0',
  noData: '#2A2A2A',
};

/** High contrast for a projector at 1920×1080. */
export const projector: ChartTheme = {
  ...dark,
  name: 'projector',
  background: '#000000',
  text: '#FFFFFF',
  subtleText: '#E0E0E0',
  axisLine: '#FFFFFF',
  splitLine: '#444444',
  ghost: '#C8C8C8',
  fontSize: 24,
  titleSize: 48,
  lineWidth: 5,
  symbolSize: 14,
};

/**
 * The same theme with another colour convention.
 * @example withConvention(light, 'rise-red').convention // 'rise-red'
 */
export function withConvention(theme: ChartTheme, convention: ColourConvention): ChartTheme {
  return { ...theme, convention };
}

/**
 * The colour of a change: by whether it is good (good = green), or by direction (rise = red).
 * @example changeColour(light, 'down', true) // light.good
 */
export function changeColour(theme: ChartTheme, direction: 'up' | 'down' | 'flat', good: boolean | undefined): string {
  if (direction === 'flat') return theme.subtleText;
  if (theme.convention === 'rise-red') return direction === 'up' ? theme.bad : theme.good;
  return good === undefined ? theme.subtleText : good ? theme.good : theme.bad;
}

/**
 * The colour of a traffic light; neutral when there is no target.
 * @example statusColour(light, 'red') // light.bad
 */
export function statusColour(theme: ChartTheme, status: TrafficLight | undefined): string {
  if (status === 'green') return theme.good;
  if (status === 'yellow') return theme.warn;
  if (status === 'red' || status === 'missed') return theme.bad;
  return theme.neutral;
}
