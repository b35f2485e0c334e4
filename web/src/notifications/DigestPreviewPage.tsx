import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { label } from '../i18n/labels';
import { Page } from '../ui/Page';
import { QueryState } from '../ui/States';
import { useDigestPreview } from './api';

/** Staff: what a recipient's next daily and weekly digests would hold right now (nothing is sent). */
export function DigestPreviewPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [search, setSearch] = useSearchParams();
  const recipient = search.get('recipient') ?? '';
  const [draft, setDraft] = useState(recipient);
  const preview = useDigestPreview(recipient);

  return (
    <Page title={t('digest.title')} lead={t('digest.lead')}>
      <form className="filters" onSubmit={(e) => { e.preventDefault(); setSearch(draft.trim() ? { recipient: draft.trim() } : {}); }}>
        <div className="field">
          <label htmlFor="digest-recipient">{t('digest.recipient')}</label>
          <input id="digest-recipient" type="text" value={draft} onChange={(e) => setDraft(e.target.value)} aria-describedby="digest-hint" />
          <p className="hint" id="digest-hint">{t('digest.recipientHint')}</p>
        </div>
        <button type="submit">{t('digest.show')}</button>
      </form>
      {recipient && (
        <QueryState query={preview} empty={t('digest.empty')} isEmpty={(p) => p.length === 0}>
          {(previews) => (
            <div className="stack">
              {previews.map((p) => (
                <section key={p.frequency} className="card" aria-labelledby={`digest-${p.frequency}`}>
                  <h2 id={`digest-${p.frequency}`}>{label(t, 'frequency', p.frequency)}</h2>
                  <p className="meta">
                    <span lang="en">{p.subject}</span>
                    <span>{t('digest.items', { count: p.itemCount })}</span>
                    <span>{t('digest.until', { date: format.dateTime(p.windowEnd) })}</span>
                  </p>
                  {p.groups.length === 0 ? <p className="empty">{t('digest.nothing')}</p> : p.groups.map((g) => (
                    <div key={g.kind}>
                      <h3 lang="en">{g.title}</h3>
                      <ul className="plain">
                        {g.items.map((item) => (
                          <li key={item.itemId} lang="en">
                            <a href={item.url}>{item.headline}</a>
                            {item.detail && <span className="muted"> · {item.detail}</span>}
                            {item.when && <span className="muted small"> · {item.when}</span>}
                          </li>
                        ))}
                      </ul>
                      {g.hasMore && <p className="muted small">{t('digest.more', { count: g.more })}</p>}
                    </div>
                  ))}
                </section>
              ))}
            </div>
          )}
        </QueryState>
      )}
    </Page>
  );
}

export { DigestPreviewPage as Component };
