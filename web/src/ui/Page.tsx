import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  title: string;
  /** Under the title: a short line about the page. */
  lead?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}

/**
 * One page: sets the document title and moves focus to the heading after a navigation, so screen
 * readers and keyboard users start at the new page instead of the link they left.
 */
// The first page of a visit starts at the top like any page load; later ones take focus.
let navigated = false;

export function Page({ title, lead, actions, children }: Props) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  useEffect(() => {
    if (!navigated) {
      navigated = true;
      return;
    }
    if (document.activeElement === document.body || document.activeElement?.closest('nav, .site-header, main')) {
      heading.current?.focus({ preventScroll: true });
    }
  }, []);
  return (
    <>
      <div className="page-head">
        <div>
          <h1 ref={heading} tabIndex={-1}>{title}</h1>
          {lead && <p className="lead">{lead}</p>}
        </div>
        {actions && <div className="page-actions">{actions}</div>}
      </div>
      {children}
    </>
  );
}
