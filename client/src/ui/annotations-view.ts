/**
 * Notes and tags on an entity, link or article: list with author and time,
 * edit, delete and add. Text is shown as text, whatever it contains.
 */
import { api } from '../api.js';
import type { Annotation, TargetKind } from '../api-types.js';
import { el, formatDateTime, replaceChildren } from '../dom.js';
import { section } from './panel.js';
import { announce, guarded } from './status.js';

export interface AnnotationsOptions {
  targetKind: TargetKind;
  targetId: string;
  initial?: Annotation[];
  /** Called with the new count after any change, to mark the element at once. */
  onChange?: (count: number) => void;
}

function parseTags(value: string): string[] {
  return [...new Set(value.split(',').map((t) => t.trim()).filter(Boolean))];
}

export function annotationsView({ targetKind, targetId, initial, onChange }: AnnotationsOptions): HTMLElement {
  let notes: Annotation[] = initial ?? [];
  const listEl = el('ul', { class: 'annotations', 'aria-live': 'polite' });

  const render = () => {
    if (!notes.length) {
      replaceChildren(listEl, el('li', { class: 'muted' }, 'No notes yet.'));
      return;
    }
    replaceChildren(listEl, ...notes.map(item));
  };

  const item = (note: Annotation): HTMLElement => {
    const li = el('li', { class: 'annotation', 'data-annotation': note.id });
    const edit = el('button', { type: 'button', class: 'link' }, 'Edit');
    const remove = el('button', { type: 'button', class: 'link danger' }, 'Delete');
    replaceChildren(
      li,
      el('p', { class: 'note-text' }, note.text),
      note.tags.length ? el('p', { class: 'tags' }, ...note.tags.map((t) => el('span', { class: 'tag' }, t))) : null,
      el(
        'p',
        { class: 'byline' },
        `${note.author} · ${formatDateTime(note.createdAt)}${note.updatedAt && note.updatedAt !== note.createdAt ? ` · edited ${formatDateTime(note.updatedAt)}` : ''} `,
        edit,
        ' ',
        remove,
      ),
    );
    edit.addEventListener('click', () => li.replaceWith(form(note)));
    remove.addEventListener(
      'click',
      guarded('Deleting the note', async () => {
        if (!confirm('Delete this note?')) return;
        await api.deleteAnnotation(note.id, note.version);
        notes = notes.filter((n) => n.id !== note.id);
        render();
        onChange?.(notes.length);
        announce('Note deleted');
      }),
    );
    return li;
  };

  const form = (existing?: Annotation): HTMLElement => {
    const suffix = existing?.id ?? 'new';
    const text = el('textarea', { id: `note-text-${suffix}`, rows: 3, required: true, name: 'text' }) as HTMLTextAreaElement;
    text.value = existing?.text ?? '';
    const tags = el('input', { id: `note-tags-${suffix}`, type: 'text', name: 'tags', placeholder: 'e.g. sanctions, verify' }) as HTMLInputElement;
    tags.value = existing?.tags.join(', ') ?? '';
    const save = el('button', { type: 'submit' }, existing ? 'Save note' : 'Add note');
    const formEl = el(
      'form',
      { class: 'annotation-form', 'aria-label': existing ? 'Edit note' : 'Add a note' },
      el('label', { for: text.id }, existing ? 'Edit note' : 'New note'),
      text,
      el('label', { for: tags.id }, 'Tags (comma-separated)'),
      tags,
      el('div', { class: 'row' }, save),
    );
    if (existing) {
      const cancel = el('button', { type: 'button', class: 'link' }, 'Cancel');
      cancel.addEventListener('click', render);
      formEl.querySelector('.row')!.append(cancel);
    }
    formEl.addEventListener(
      'submit',
      guarded('Saving the note', async (event: Event) => {
        event.preventDefault();
        const body = { text: text.value.trim(), tags: parseTags(tags.value) };
        if (!body.text) return;
        save.disabled = true;
        try {
          if (existing) {
            const updated = await api.editAnnotation(existing.id, { ...body, version: existing.version });
            notes = notes.map((n) => (n.id === existing.id ? updated : n));
          } else {
            notes = [...notes, await api.addAnnotation({ targetKind, targetId, ...body })];
            text.value = '';
            tags.value = '';
          }
        } finally {
          save.disabled = false;
        }
        render();
        onChange?.(notes.length);
        announce(existing ? 'Note saved' : 'Note added');
      }),
    );
    return formEl;
  };

  render();
  if (!initial) {
    api
      .annotations(targetKind, targetId)
      .then((loaded) => {
        notes = loaded;
        render();
      })
      .catch(() => replaceChildren(listEl, el('li', { class: 'muted' }, 'Notes could not be loaded.')));
  }
  return section('Notes', listEl, form());
}
