import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { Theme } from '../api/types';
import { useFormat } from '../i18n/format';
import { CHART_THEMES, chartHeight } from './chartSize';

/**
 * Themes by how many notes and libraries they appear in. Loaded only with the pages that chart
 * (Recharts is a chunk of its own). The same figures are in the theme list as text.
 */
export default function ThemeChart({ themes }: { themes: Theme[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const data = themes.slice(0, CHART_THEMES).map((theme) => ({
    name: theme.label,
    notes: theme.noteCount,
    libraries: theme.libraryCount,
  }));
  const height = chartHeight(data.length);
  return (
    <div className="chart" style={{ height }} aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 16, top: 8, bottom: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tickFormatter={(v: number) => format.number(v)} />
          <YAxis type="category" dataKey="name" width={130} tick={{ fontSize: 13 }} />
          <Tooltip formatter={(v) => format.number(Number(v))} />
          <Legend />
          <Bar dataKey="notes" name={t('themes.chartNotes')} fill="#1f4e5f" isAnimationActive={false} />
          <Bar dataKey="libraries" name={t('themes.chartLibraries')} fill="#c2571a" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
