/** One colour per meaning on every chart: overdue red, in progress blue, signed off green. */
export const COLORS = {
  overdue: '#cf1322',
  open: '#1677ff',
  signedOff: '#389e0d',
  neutral: '#8c8c8c',
  rate: '#d46b08',
  satisfaction: '#722ed1',
} as const;

/** Levels A–D, good to bad. */
export const LEVEL_COLORS = ['#389e0d', '#1677ff', '#d48806', '#cf1322'] as const;
