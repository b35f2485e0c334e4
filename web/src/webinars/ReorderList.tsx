import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type DragEndEvent,
} from '@dnd-kit/core';
import {
  SortableContext, arrayMove, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { Webinar } from '../api/types';
import { ProblemMessage } from '../ui/ProblemMessage';
import { QueryState } from '../ui/States';
import { useReorder, useWebinars } from './api';

/** Every webinar of the series, drafts and archived ones included, in their current order. */
export function ReorderPanel({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const all = useWebinars({ status: 'all' });
  return (
    <QueryState query={all} empty={t('series.empty')} isEmpty={(p) => p.items.length === 0}>
      {(page) => <ReorderList webinars={page.items} onDone={onDone} />}
    </QueryState>
  );
}

/**
 * The series order: drag a webinar by its handle, or (keyboard) focus the handle, Space to lift,
 * arrows to move, Space to drop; or use the Move up / Move down buttons. Saved in one request.
 */
export function ReorderList({ webinars, onDone }: { webinars: Webinar[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [order, setOrder] = useState(webinars);
  const [announcement, setAnnouncement] = useState('');
  const reorder = useReorder();
  const sensors = useSensors(
    useSensor(PointerSensor),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const titleOf = (id: unknown) => order.find((w) => w.id === id)?.title ?? '';

  function move(from: number, to: number) {
    if (to < 0 || to >= order.length) return;
    setOrder((o) => arrayMove(o, from, to));
    setAnnouncement(t('reorder.moved', { title: order[from].title, position: to + 1 }));
  }

  function onDragEnd(event: DragEndEvent) {
    const { active, over } = event;
    if (over && active.id !== over.id) {
      const from = order.findIndex((w) => w.id === active.id);
      const to = order.findIndex((w) => w.id === over.id);
      move(from, to);
    }
  }

  const changed = order.some((w, i) => w.id !== webinars[i]?.id);

  return (
    <section aria-labelledby="reorder-title">
      <h2 id="reorder-title">{t('reorder.title')}</h2>
      <p className="hint" id="reorder-help">{t('reorder.help')}</p>
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{
          screenReaderInstructions: { draggable: t('reorder.instructions') },
          announcements: {
            onDragStart: ({ active }) => t('reorder.picked', { title: titleOf(active.id) }),
            onDragOver: ({ active, over }) => over ? t('reorder.over', { title: titleOf(active.id), position: order.findIndex((w) => w.id === over.id) + 1 }) : '',
            onDragEnd: ({ active, over }) => over ? t('reorder.dropped', { title: titleOf(active.id), position: order.findIndex((w) => w.id === over.id) + 1 }) : '',
            onDragCancel: ({ active }) => t('reorder.cancelled', { title: titleOf(active.id) }),
          },
        }}
      >
        <SortableContext items={order.map((w) => w.id)} strategy={verticalListSortingStrategy}>
          <ol className="reorder-list" aria-describedby="reorder-help">
            {order.map((w, index) => (
              <SortableRow key={w.id} webinar={w} index={index} count={order.length} onMove={move} />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      <p className="visually-hidden" aria-live="polite">{announcement}</p>
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={!changed || reorder.isPending}
          onClick={() => reorder.mutate(order.map((w) => w.id), { onSuccess: onDone })}
        >
          {t('reorder.save')}
        </button>
        <button type="button" className="secondary" onClick={onDone}>{t('common.cancel')}</button>
      </div>
      {reorder.isError && <ProblemMessage error={reorder.error} />}
    </section>
  );
}

function SortableRow({ webinar, index, count, onMove }: {
  webinar: Webinar; index: number; count: number; onMove: (from: number, to: number) => void;
}) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({ id: webinar.id });
  return (
    <li
      ref={setNodeRef}
      className={`reorder-row${isDragging ? ' dragging' : ''}`}
      style={{ transform: CSS.Transform.toString(transform), transition }}
    >
      <button
        type="button"
        className="handle"
        ref={setActivatorNodeRef}
        {...attributes}
        {...listeners}
        aria-label={t('reorder.handle', { title: webinar.title })}
      >
        <span aria-hidden="true">⠿</span>
      </button>
      <span className="reorder-position">{index + 1}</span>
      <span className="reorder-title">{webinar.title}</span>
      <span className="reorder-buttons">
        <button type="button" className="secondary small" onClick={() => onMove(index, index - 1)} disabled={index === 0}>
          {t('reorder.up')}<span className="visually-hidden">: {webinar.title}</span>
        </button>
        <button type="button" className="secondary small" onClick={() => onMove(index, index + 1)} disabled={index === count - 1}>
          {t('reorder.down')}<span className="visually-hidden">: {webinar.title}</span>
        </button>
      </span>
    </li>
  );
}
