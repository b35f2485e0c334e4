import { useTranslation } from 'react-i18next';

interface Props {
  page: number;
  size: number;
  total: number;
  onPage: (page: number) => void;
}

export function Pager({ page, size, total, onPage }: Props) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / size));
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={t('common.pages')}>
      <button type="button" className="secondary" onClick={() => onPage(page - 1)} disabled={page <= 0}>
        {t('common.previous')}
      </button>
      <span>{t('common.pageOf', { page: page + 1, pages })}</span>
      <button type="button" className="secondary" onClick={() => onPage(page + 1)} disabled={page + 1 >= pages}>
        {t('common.next')}
      </button>
    </nav>
  );
}
