/**
 * The HTML of the templates the add-on creates in Drive (imported as Google Docs, then the
 * school's to edit). Placeholders are `{{key}}` with keys from the catalog (../placeholders.ts).
 */
import { ACCORD_HTML } from './accord';
import { ATTESTATION_HTML } from './attestation';
import { AVENANT_HTML } from './avenant';
import { CONVENTION_BTS_HTML } from './conventionBts';
import { CONVENTION_PFMP_HTML } from './conventionPfmp';
import { VISIT_REPORT_HTML } from './visitReport';

import type { TemplateKind } from '../kinds';

export const TEMPLATE_HTML: Record<TemplateKind, string> = {
  conventionBts: CONVENTION_BTS_HTML,
  conventionPfmp: CONVENTION_PFMP_HTML,
  accord: ACCORD_HTML,
  avenant: AVENANT_HTML,
  attestation: ATTESTATION_HTML,
  compteRendu: VISIT_REPORT_HTML,
};
