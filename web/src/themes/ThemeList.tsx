import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Theme } from '../api/types';
import { useFormat } from '../i18n/format';
import { label } from '../i18n/labels';
import { useLibraryName } from '../roster/api';

/** Each theme with its evidence: the sentences it was found in, each linking to its note. */
export function ThemeList({ themes, idPrefix }: { themes: Theme[]; idPrefix: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const nameOf = useLibraryName();
  return (
    <ol className="themes">
      {themes.map((theme) => (
        <li key={theme.key} className="card theme" aria-labelledby={`${idPrefix}-${theme.key}`}>
          <h3 id={`${idPrefix}-${theme.key}`}>{theme.label}</h3>
          <p className="meta">
            <span>{t('themes.notes', { count: theme.noteCount, formatted: format.number(theme.noteCount) })}</span>
            <span>{t('themes.libraries', { count: theme.libraryCount, formatted: format.number(theme.libraryCount) })}</span>
            {theme.sections.length > 0 && (
              <span>{t('themes.sections', { list: format.list(theme.sections.map((s) => label(t, 'sections', s))) })}</span>
            )}
          </p>
          {theme.evidence.length > 0 ? (
            <>
              <h4 className="small-heading">{t('themes.evidence')}</h4>
              <ul className="evidence">
                {theme.evidence.map((e, i) => (
                  <li key={`${e.noteId}-${i}`}>
                    <blockquote>{e.sentence}</blockquote>
                    <p className="muted small">
                      <Link to={`/notes/${e.noteId}`}>{e.noteTitle}</Link>
                      {' · '}{nameOf(e.libraryId)}{' · '}{format.day(e.conversationDate)}
                    </p>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="muted">{t('themes.noEvidence')}</p>
          )}
        </li>
      ))}
    </ol>
  );
}
