/** "Paramètres…": the school's settings used by conventions, holidays and durations. */
import {
  coverageNote,
  GOOGLE_ACCOUNT_LABELS,
  MAX_CONVENTION_COPIES,
  MIN_CONVENTION_COPIES,
  type GoogleAccount,
  type SettingsView,
  type Zone,
} from '../../api/contract';
import { currentCoverage, loadCoverage, onCoverage } from '../coverage';
import { callServer } from '../api';
import {
  checkbox,
  h,
  selectField,
  showFieldError,
  submit,
  textAreaField,
  textField,
  clearErrors,
  replaceChildren,
  uid,
} from '../dom';
import { actionForm } from '../form';
import { showError } from '../ui';
import { readFileText } from './import';
import { type Panel, shell } from './panel';
import { staffForm } from './staff';

/**
 * School holidays of later years: the Ministry's "fr-en-calendrier-scolaire" export (CSV or
 * ICS), read in the browser and sent as text.
 */
function holidaysForm(zone: () => Zone | null): {
  form: HTMLFormElement;
  showCoverage(): void;
} {
  const fileId = uid('holidays-file');
  const file = h('input', {
    type: 'file',
    id: fileId,
    accept: '.csv,.ics,.txt,text/csv,text/calendar',
  });
  const text = textAreaField('Ou collez son contenu', 'text', 4);
  file.addEventListener('change', () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    readFileText(chosen).then(
      (t) => (text.control.value = t),
      () => showError(`Le fichier ${chosen.name} n'a pas pu être lu.`),
    );
  });
  const coverage = h('p', { class: 'coverage', 'aria-live': 'polite' });
  const showCoverage = (): void => {
    const c = currentCoverage();
    // Until the settings are read, the school's zone is the one the server gave.
    const z = zone() ?? c?.zone;
    replaceChildren(coverage, c && z ? coverageNote(z, c.byZone[z]) : '');
  };
  onCoverage(showCoverage);
  const form = actionForm(
    'Vacances scolaires',
    {
      action: 'apiImportSchoolHolidays',
      input: () => {
        if (text.control.value.trim()) return { text: text.control.value };
        showError('Choisissez le fichier du calendrier scolaire ou collez son contenu.');
        return null;
      },
      reset: [text],
    },
    h('h3', {}, 'Vacances scolaires'),
    coverage,
    h(
      'p',
      { class: 'muted' },
      'Pour une année que la liste ne couvre pas, importez le calendrier officiel : l’export « fr-en-calendrier-scolaire » (CSV ou ICS) de data.education.gouv.fr.',
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: fileId }, 'Calendrier scolaire (CSV ou ICS)'),
      file,
    ),
    text.root,
    h('div', { class: 'buttons' }, submit('Importer les vacances')),
  );
  return { form, showCoverage };
}

/** "4,50" or "4.50" → 4.5; null when it is not a number. */
export function parseFrNumber(text: string): number | null {
  const t = text.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

function frNumber(n: number): string {
  return String(n).replace('.', ',');
}

export function settingsPanel(): Panel {
  const { root, heading } = shell('settings', 'Paramètres');
  const schoolName = textField("Nom de l'établissement", 'schoolName');
  const schoolAddress = textField('Adresse', 'schoolAddress');
  const headOfSchool = textField("Chef d'établissement", 'headOfSchool');
  const academy = textField('Académie', 'academy');
  const zone = selectField('Zone de vacances', 'zone', [
    { value: 'A', label: 'Zone A' },
    { value: 'B', label: 'Zone B' },
    { value: 'C', label: 'Zone C' },
  ]);
  const alsace = checkbox('Alsace-Moselle (Vendredi saint et 26 décembre fériés)', 'alsaceMoselle');
  const weekly = textField('Durée hebdomadaire par défaut (heures)', 'defaultWeeklyHours');
  const rate = textField('Gratification horaire minimale (€)', 'hourlyGratification', {
    hint: '15 % du plafond horaire de la sécurité sociale.',
  });
  weekly.control.inputMode = 'decimal';
  rate.control.inputMode = 'decimal';
  const copies = textField('Exemplaires de convention', 'conventionCopies', {
    hint: `Nombre d’exemplaires imprimés de chaque convention (${MIN_CONVENTION_COPIES} à ${MAX_CONVENTION_COPIES}).`,
  });
  copies.control.inputMode = 'numeric';
  const account = selectField(
    'Compte Google',
    'googleAccount',
    (Object.keys(GOOGLE_ACCOUNT_LABELS) as GoogleAccount[]).map((value) => ({
      value,
      label: GOOGLE_ACCOUNT_LABELS[value],
    })),
  );

  const chaseAfter = textField('Relancer une convention envoyée après (jours)', 'chaseAfterDays', {
    hint: 'Conventions envoyées et pas revenues signées depuis ce nombre de jours.',
  });
  const chaseWithin = textField('Relancer avant le début du stage (jours)', 'chaseWithinDays', {
    hint: 'Stages commençant dans ce nombre de jours sans convention complète.',
  });
  chaseAfter.control.inputMode = 'numeric';
  chaseWithin.control.inputMode = 'numeric';
  const followCap = textField('Stagiaires suivis au plus par enseignant', 'followCap', {
    hint: 'En même temps (stages dont les dates se chevauchent), pour « Répartir le suivi ».',
  });
  followCap.control.inputMode = 'numeric';

  const fill = (s: SettingsView): void => {
    chaseAfter.control.value = String(s.chaseAfterDays);
    chaseWithin.control.value = String(s.chaseWithinDays);
    followCap.control.value = String(s.followCap);
    schoolName.control.value = s.schoolName;
    schoolAddress.control.value = s.schoolAddress;
    headOfSchool.control.value = s.headOfSchool;
    academy.control.value = s.academy;
    zone.control.value = s.zone;
    alsace.control.checked = s.alsaceMoselle;
    weekly.control.value = frNumber(s.defaultWeeklyHours);
    rate.control.value = frNumber(s.hourlyGratification);
    copies.control.value = String(s.conventionCopies);
    account.control.value = s.googleAccount;
  };

  const f: HTMLFormElement = actionForm(
    'Paramètres',
    {
      action: 'apiSaveSettings',
      input: () => {
        clearErrors(f);
        const hoursValue = parseFrNumber(weekly.control.value);
        const rateValue = parseFrNumber(rate.control.value);
        if (hoursValue === null) {
          showFieldError(f, 'defaultWeeklyHours', 'Indiquez un nombre d’heures, par exemple 35.');
          showError('La durée hebdomadaire par défaut doit être un nombre.');
          return null;
        }
        if (rateValue === null) {
          showFieldError(f, 'hourlyGratification', 'Indiquez un montant, par exemple 4,50.');
          showError('La gratification horaire minimale doit être un nombre.');
          return null;
        }
        const copiesValue = parseFrNumber(copies.control.value);
        if (copiesValue === null) {
          showFieldError(f, 'conventionCopies', 'Indiquez un nombre, par exemple 3.');
          showError('Le nombre d’exemplaires de convention doit être un nombre.');
          return null;
        }
        return {
          schoolName: schoolName.control.value.trim(),
          schoolAddress: schoolAddress.control.value.trim(),
          headOfSchool: headOfSchool.control.value.trim(),
          academy: academy.control.value.trim(),
          zone: zone.control.value as Zone,
          alsaceMoselle: alsace.control.checked,
          defaultWeeklyHours: hoursValue,
          hourlyGratification: rateValue,
          conventionCopies: copiesValue,
          googleAccount: account.control.value as GoogleAccount,
          // Judged by the server (a whole number of days): sent as typed.
          chaseAfterDays: chaseAfter.control.value.trim() as unknown as number,
          chaseWithinDays: chaseWithin.control.value.trim() as unknown as number,
          followCap: followCap.control.value.trim() as unknown as number,
        };
      },
      done: fill,
    },
    schoolName.root,
    schoolAddress.root,
    headOfSchool.root,
    academy.root,
    zone.root,
    alsace.root,
    weekly.root,
    rate.root,
    copies.root,
    account.root,
    chaseAfter.root,
    chaseWithin.root,
    followCap.root,
    h('div', { class: 'buttons' }, submit('Enregistrer')),
  );
  let read = false;
  const holidays = holidaysForm(() => (read ? (zone.control.value as Zone) : null));
  // The years known follow the zone chosen, before it is even saved.
  zone.control.addEventListener('change', holidays.showCoverage);
  root.append(f, staffForm(), holidays.form);
  return {
    root,
    heading,
    show: () => {
      callServer('apiGetSettings').then(
        (s) => {
          fill(s);
          read = true;
          holidays.showCoverage();
        },
        () => undefined,
      );
      // The Vacances sheet may have been edited by hand since the sidebar opened.
      void loadCoverage(true);
    },
  };
}
