import { useTranslation } from 'react-i18next';
import type { Library, Themes } from '../api/types';
import { useFormat } from '../i18n/format';
import { TableWrap } from '../ui/TableWrap';

interface Props {
  libraries: Library[];
  perLibrary: (Themes | undefined)[];
  caption: string;
}

/** Library × theme: how many of each library's notes carry each theme (staff). */
export function HeatMap({ libraries, perLibrary, caption }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const totals = new Map<string, { label: string; notes: number }>();
  perLibrary.forEach((themes) => themes?.themes.forEach((theme) => {
    const entry = totals.get(theme.key) ?? { label: theme.label, notes: 0 };
    entry.notes += theme.noteCount;
    totals.set(theme.key, entry);
  }));
  const columns = [...totals.entries()].sort((a, b) => b[1].notes - a[1].notes).slice(0, 8);
  const max = Math.max(1, ...perLibrary.flatMap((themes) => themes?.themes.map((th) => th.noteCount) ?? []));
  if (columns.length === 0) return <p className="empty">{t('themes.heatEmpty')}</p>;
  return (
    <TableWrap label={caption}>
      <table className="heat">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('themes.library')}</th>
            {columns.map(([key, c]) => <th scope="col" key={key}>{c.label}</th>)}
          </tr>
        </thead>
        <tbody>
          {libraries.map((library, row) => (
            <tr key={library.id}>
              <th scope="row">{library.name}</th>
              {columns.map(([key]) => {
                const count = perLibrary[row]?.themes.find((th) => th.key === key)?.noteCount ?? 0;
                const level = Math.ceil((count / max) * 4);
                return (
                  <td key={key} className={`heat-${level}`}>
                    {perLibrary[row] ? format.number(count) : '…'}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
