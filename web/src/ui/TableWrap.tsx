import type { ReactNode } from 'react';

/**
 * A wide table that scrolls sideways on a narrow screen. The scroll area takes keyboard focus (arrow keys
 * scroll it) and is named, as WCAG wants of scrollable regions.
 */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
