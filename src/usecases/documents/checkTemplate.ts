/**
 * « Vérifier » a template: the placeholders the school typed that the add-on does not know
 * (a typo would stay in every document as « {{eleve.nomm}} »), each with a suggestion.
 */
import type { TemplateCheckView } from '../../api/contract';
import { TEMPLATE_KINDS, TEMPLATE_NAMES, type TemplateKind } from '../../domain/documents/kinds';
import { checkTemplate as checkTemplateText } from '../../domain/documents/templateCheck';
import { UserError } from '../../domain/errors';
import type { Context } from '../../gas/context';
import { docsApi } from '../../gas/docsApi';
import { classifyApiError } from '../../gas/googleApiErrors';
import { driveSpace } from './driveSpace';

export function checkTemplate(ctx: Context, kind: string): TemplateCheckView {
  if (!(TEMPLATE_KINDS as readonly string[]).includes(kind))
    throw new UserError('Ce modèle n’existe pas.');
  const k = kind as TemplateKind;
  const id = driveSpace(ctx).templates[k];
  const label = TEMPLATE_NAMES[k];
  if (!id) throw new UserError(`Le modèle « ${label} » n’a pas encore été créé.`);
  let text: string;
  try {
    text = docsApi().documentText(id);
  } catch (e) {
    if (classifyApiError(e) === 'notFound')
      throw new UserError(
        `Le modèle « ${label} » est introuvable (mis à la corbeille ?) : cliquez sur « Créer les modèles » pour le refaire.`,
      );
    throw e;
  }
  const r = checkTemplateText(text);
  return {
    kind: k,
    label,
    known: r.placeholders.length,
    unknown: r.problems.map((p) => ({ text: p.found, suggestion: p.message })),
  };
}
