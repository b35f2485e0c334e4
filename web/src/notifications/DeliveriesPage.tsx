import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EMAIL_STATUSES } from '../api/types';
import { useFormat } from '../i18n/format';
import { label } from '../i18n/labels';
import { Badge } from '../ui/Badge';
import { Page } from '../ui/Page';
import { Pager } from '../ui/Pager';
import { QueryState } from '../ui/States';
import { useDeliveries } from './api';
import { TableWrap } from '../ui/TableWrap';

const TONE: Record<string, 'good' | 'warn' | 'bad' | 'info'> = { SENT: 'good', PENDING: 'info', SENDING: 'info', FAILED: 'bad' };

/** Staff: every email the system sent or will send, with filters. */
export function DeliveriesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [search, setSearch] = useSearchParams();
  const filter = {
    status: search.get('status') ?? undefined,
    recipient: search.get('recipient') ?? undefined,
    kind: search.get('kind') ?? undefined,
    page: Number(search.get('page') ?? 0) || 0,
  };
  const [draft, setDraft] = useState({ status: filter.status ?? '', recipient: filter.recipient ?? '', kind: filter.kind ?? '' });
  const deliveries = useDeliveries(filter);
  const filtered = !!(filter.status || filter.recipient || filter.kind);

  function apply(next: Record<string, string>, page = 0) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) if (value.trim()) params.set(key, value.trim());
    if (page) params.set('page', String(page));
    setSearch(params);
  }

  return (
    <Page title={t('deliveries.title')} lead={t('deliveries.lead')}
      actions={<Link className="button secondary" to="/notifications/digest-preview">{t('nav.digestPreview')}</Link>}>
      <form className="filters" role="search" aria-label={t('deliveries.filters')} onSubmit={(e) => { e.preventDefault(); apply(draft); }}>
        <div className="field">
          <label htmlFor="d-status">{t('deliveries.status')}</label>
          <select id="d-status" value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value })}>
            <option value="">{t('deliveries.anyStatus')}</option>
            {EMAIL_STATUSES.map((s) => <option key={s} value={s}>{t(`deliveries.statuses.${s}`)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="d-recipient">{t('deliveries.recipient')}</label>
          <input id="d-recipient" value={draft.recipient} onChange={(e) => setDraft({ ...draft, recipient: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="d-kind">{t('deliveries.kind')}</label>
          <input id="d-kind" value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value })} />
        </div>
        <button type="submit">{t('common.apply')}</button>
      </form>
      <QueryState query={deliveries} empty={filtered ? t('deliveries.noMatch') : t('deliveries.empty')} isEmpty={(p) => p.items.length === 0}>
        {(page) => (
          <>
            <p className="muted" role="status">{t('deliveries.count', { count: page.total })}</p>
            <TableWrap label={t('deliveries.title')}>
              <table>
                <caption className="visually-hidden">{t('deliveries.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('deliveries.created')}</th>
                    <th scope="col">{t('deliveries.to')}</th>
                    <th scope="col">{t('deliveries.subject')}</th>
                    <th scope="col">{t('deliveries.kind')}</th>
                    <th scope="col">{t('deliveries.status')}</th>
                    <th scope="col">{t('deliveries.attempts')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((d) => (
                    <tr key={d.key}>
                      <td>{format.dateTime(d.createdAt)}</td>
                      <td>{d.to}</td>
                      <td>{d.subject}</td>
                      <td>{label(t, 'kinds', d.kind)}</td>
                      <td>
                        <Badge tone={TONE[d.status] ?? 'neutral'}>{label(t, 'deliveries.statuses', d.status)}</Badge>
                        {d.sentAt && <span className="muted small"> {format.dateTime(d.sentAt)}</span>}
                        {d.lastError && <span className="small" lang="en"> {d.lastError}</span>}
                      </td>
                      <td>{format.number(d.attempts)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
            <Pager page={page.page} size={page.size} total={page.total} onPage={(p) => apply(draft, p)} />
          </>
        )}
      </QueryState>
    </Page>
  );
}

export { DeliveriesPage as Component };
