import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  open: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
}

/** A modal question (the native dialog: focus stays inside, Escape cancels). */
export function ConfirmDialog({ open, title, message, confirmLabel, onConfirm, onCancel, busy }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
      // The safe choice takes focus. React's autoFocus acts when the element mounts (the dialog is mounted
      // closed), and showModal() would focus the first button: the destructive one.
      cancel.current?.focus();
    } else if (!open && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
  }, [open]);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="confirm-title" onCancel={(e) => { e.preventDefault(); onCancel(); }}>
      <h2 id="confirm-title">{title}</h2>
      <p>{message}</p>
      <div className="actions">
        <button type="button" className="danger" onClick={onConfirm} disabled={busy}>{confirmLabel}</button>
        <button type="button" className="secondary" onClick={onCancel} ref={cancel}>{t('common.cancel')}</button>
      </div>
    </dialog>
  );
}
