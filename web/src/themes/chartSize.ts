/** How many themes the chart shows, and how tall it is for them: also the height its loading box keeps. */
export const CHART_THEMES = 10;

export function chartHeight(themeCount: number): number {
  return Math.max(160, Math.min(themeCount, CHART_THEMES) * 44 + 60);
}
