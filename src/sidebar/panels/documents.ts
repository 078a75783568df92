/**
 * « Documents »: the templates the add-on creates and the school edits, the generation of
 * conventions, avenants and attestations (checked before anything is created, then driven
 * chunk by chunk from here), and the accord préalable, blank convention and print file.
 */
import type { DocumentsOverview, SidebarSection } from '../../api/contract';
import { callServer } from '../api';
import { h, replaceChildren } from '../dom';
import { chaseSection } from './documents-chase';
import { generateSection } from './documents-generate';
import { otherSection } from './documents-other';
import { templatesSection } from './documents-templates';
import { type Panel, shell } from './panel';

/** The menu item that opened the sidebar may ask for a section (`window.SDS_SECTION`). */
function requestedSection(): string {
  const w = window as { SDS_SECTION?: unknown };
  const s = typeof w.SDS_SECTION === 'string' ? w.SDS_SECTION : '';
  // Asked once: coming back to the panel later starts at its top.
  w.SDS_SECTION = '';
  return s;
}

export function documentsPanel(): Panel {
  const { root, heading } = shell('documents', 'Documents');
  const generate = generateSection(() => load());
  const status = h('p', { class: 'muted', 'aria-live': 'polite' });
  const templates = templatesSection((o) => {
    show(o);
    // A report made before the templates existed says they do not: it is asked again.
    generate.forget();
  });
  const quota = h('p', { class: 'muted' });
  const other = otherSection(generate.choice);

  const show = (o: DocumentsOverview): void => {
    replaceChildren(status);
    templates.render(o);
    quota.textContent = `Documents Google créés aujourd’hui par ce compte : ${o.createdToday} sur ${o.dailyCap} possibles.`;
    generate.showFound(o.job);
    other.setCopies(o.copies);
  };

  let loading = false;
  function load(): void {
    if (loading) return;
    loading = true;
    status.textContent = 'Lecture des modèles…';
    callServer('apiDocumentsOverview')
      .then(show, () => replaceChildren(status))
      .finally(() => (loading = false));
  }

  const chase = chaseSection();
  root.append(status, templates.root, generate.root, quota, other.root, chase.root);

  return {
    root,
    heading,
    show: (section?: SidebarSection) => {
      load();
      // The menu's request is read (and forgotten) even when the sidebar asked for another.
      const asked = requestedSection();
      const wanted = section ?? asked;
      if (wanted === 'chase') {
        chase.open();
        queueMicrotask(() => {
          chase.heading.focus();
          chase.heading.scrollIntoView({ block: 'start' });
        });
      } else if (wanted === 'generate') {
        generate.setKind('convention');
        // After navigate() has focused the panel's heading (when it does).
        queueMicrotask(() => {
          generate.heading.focus();
          generate.heading.scrollIntoView({ block: 'start' });
        });
      }
    },
  };
}
