/**
 * Issue 11 on the emulator: the full life of ACAR Laurie's convention, refused steps and dates
 * with nothing written, a stale sidebar's conflict, the freeze of a sent convention, the avenant
 * after a stop tracked the same way, attachments, blank conventions regularised, the list of
 * conventions to chase on a fixed clock, and the dashboard.
 */
import { describe, expect, it } from 'vitest';
import type {
  ApiResult,
  ChaseList,
  DashboardView,
  DocumentJobView,
  DocumentStepOutcome,
  MadeFileView,
  RegisterDocumentView,
  StageDocumentsView,
} from '../../../src/api/contract';
import { EMPTY_FILTER } from '../../../src/domain/stages/filter';
import type { Harness } from '../harness';
import {
  generate,
  ok,
  plan,
  readyWorkbook,
  request,
  select,
  stopAndNewStage,
} from './documentsHarness';

const at = (h: Harness, iso: string) => h.em.setNow(new Date(`${iso}T10:00:00+01:00`));

function docsOf(h: Harness, stageId: string): StageDocumentsView {
  return ok<StageDocumentsView>(h.call('apiStageDocuments', stageId));
}

function step(h: Harness, d: RegisterDocumentView, s: string, date = '') {
  return h.call<ApiResult<DocumentStepOutcome>>('apiRecordDocumentStep', {
    documentId: d.id,
    row: d.row,
    fingerprint: d.fingerprint,
    step: s,
    date,
  });
}

function register(h: Harness): Record<string, string>[] {
  const [header = [], ...rows] = h.display('Documents');
  return rows
    .filter((r) => r[0] !== '')
    .map((r) => Object.fromEntries(header.map((k, i) => [k, r[i] ?? ''])));
}

const stageLine = (h: Harness, id: string) =>
  h.stageRows().find((r) => r['ID'] === id)!['Suivi des documents'];

/** The tutor's « Courriel », saved through the add-on's form. */
function giveTutorAnAddress(h: Harness, tutorId: string, email: string): void {
  const [header = [], ...rows] = h.display('Tuteurs');
  const r = rows.find((x) => x[0] === tutorId)!;
  const v = (k: string) => r[header.indexOf(k)] ?? '';
  ok(
    h.call('apiSaveTutor', {
      id: tutorId,
      companyId: v('ID entreprise'),
      civility: v('Civilité'),
      lastName: v('Nom'),
      firstName: v('Prénom'),
      role: v('Fonction'),
      phone: v('Téléphone'),
      email,
    }),
  );
}

function laurieWithConvention(): { h: Harness; id: string; conv: RegisterDocumentView } {
  const h = readyWorkbook();
  const id = h.ids.stages['ACAR Laurie']!;
  generate(h, request('convention', { stageIds: [id] }));
  const conv = docsOf(h, id).documents[0]!;
  return { h, id, conv };
}

describe('the life of ACAR Laurie’s convention', () => {
  it('goes from « Générée » to « Complète », step by step, each written in the sheets and journalled', () => {
    const { h, id, conv } = laurieWithConvention();
    expect(conv).toMatchObject({
      kind: 'Convention',
      status: 'Générée',
      next: 'sent',
      generatedOn: '2023-02-15',
    });
    at(h, '2023-02-24');
    let d = conv;
    const path: [string, string, string][] = [
      ['sent', '16/02/2023', 'Envoyée'],
      ['student', '17/02/2023', 'Signée stagiaire'],
      ['company', '20/02/2023', 'Signée entreprise'],
      ['school', '22/02/2023', 'Signée établissement'],
      ['copies', '', 'Complète'],
    ];
    for (const [s, date, status] of path) {
      const o = ok<DocumentStepOutcome>(step(h, d, s, date));
      expect(o.document.status).toBe(status);
      expect(o.stageStatus).toBe(`Convention : ${status.toLowerCase()}`);
      expect(stageLine(h, id)).toBe(o.stageStatus);
      d = o.document;
    }
    const row = register(h).find((r) => r['ID'] === conv.id)!;
    expect(row).toMatchObject({
      Statut: 'Complète',
      'Envoyée le': '16/02/2023',
      'Signée stagiaire le': '17/02/2023',
      'Signée entreprise le': '20/02/2023',
      'Signée établissement le': '22/02/2023',
      'Exemplaire entreprise remis le': '24/02/2023',
      'Exemplaire stagiaire remis le': '24/02/2023',
      'Exemplaire référent gardé le': '24/02/2023',
    });
    const journal = h
      .display('Journal')
      .slice(1)
      .filter((r) => r[2] === 'Suivi d’un document');
    expect(journal).toHaveLength(5);
    expect(journal[2]![5]).toContain('20/02/2023');
    expect(journal[0]![3]).toMatch(/^Convention d’ACAR Laurie \(DOC-/);
    expect(docsOf(h, id).documents[0]!.next).toBe('');
  });

  it('refuses a step out of order, a date before the generation, in the future or impossible: nothing written', () => {
    const { h, conv } = laurieWithConvention();
    const before = JSON.stringify([
      h.display('Documents'),
      h.display('Stages'),
      h.display('Journal'),
    ]);
    const refusals: [string, string, RegExp][] = [
      ['company', '15/02/2023', /d’abord l’envoi/],
      ['sent', '14/02/2023', /avant la génération du document \(15\/02\/2023\)/],
      ['sent', '16/02/2023', /dans le futur/],
      ['sent', '30/02/2023', /n'existe pas/],
      ['sent', 'demain', /n'est pas une date/],
      ['copies', '15/02/2023', /signé par l’établissement/],
    ];
    for (const [s, date, message] of refusals) {
      const r = step(h, conv, s, date);
      expect(r.ok, `${s} ${date}`).toBe(false);
      if (!r.ok) expect(r.error).toMatch(message);
    }
    expect(
      JSON.stringify([h.display('Documents'), h.display('Stages'), h.display('Journal')]),
    ).toBe(before);
  });

  it('a stale sidebar gets a conflict, not an overwrite', () => {
    const { h, conv } = laurieWithConvention();
    ok(step(h, conv, 'sent', ''));
    const stale = step(h, conv, 'sent', '');
    expect(stale).toMatchObject({ ok: false, conflict: true });
    expect(register(h)[0]!['Statut']).toBe('Envoyée');
  });

  it('finds the document by its ID when rows moved since the sidebar read it', () => {
    const { h, id, conv } = laurieWithConvention();
    const o = ok<DocumentStepOutcome>(step(h, { ...conv, row: conv.row + 5 }, 'sent', ''));
    expect(o.document.row).toBe(conv.row);
    expect(stageLine(h, id)).toBe('Convention : envoyée');
  });
});

describe('freezing', () => {
  it('a convention sent for signature is not regenerated: the report points to the avenant', () => {
    const { h, id, conv } = laurieWithConvention();
    expect(plan(h, request('convention', { stageIds: [id] }, { regenerate: true })).toCreate).toBe(
      1,
    );
    ok(step(h, conv, 'sent', ''));
    const p = plan(h, request('convention', { stageIds: [id] }, { regenerate: true }));
    expect(p.toCreate).toBe(0);
    expect(p.notApplicable[0]!.reason).toMatch(
      /envoyée pour signature : elle ne se régénère plus, faites un avenant/,
    );
  });

  it('a cancelled convention leaves room for a new one, and is not chased', () => {
    const { h, id, conv } = laurieWithConvention();
    ok(step(h, conv, 'sent', ''));
    const cancelled = ok<DocumentStepOutcome>(
      h.call('apiCancelDocument', {
        documentId: conv.id,
        row: conv.row,
        fingerprint: docsOf(h, id).documents[0]!.fingerprint,
        step: 'cancel',
        date: '',
      }),
    );
    expect(cancelled.document.status).toBe('Annulée');
    expect(h.stageRows().find((r) => r['ID'] === id)!['Convention']).toBe('');
    expect(stageLine(h, id)).toBe('');
    // The fiche gets the stage as it now is: a stop from it is not taken for a conflict.
    expect(cancelled.stage).toMatchObject({ id, convention: '' });
    expect(cancelled.stage!.fingerprint).toBe(select(h, 'ACAR Laurie').fingerprint);
    expect(plan(h, request('convention', { stageIds: [id] })).toCreate).toBe(1);
  });

  it('the avenant after a stop has its own life', () => {
    const { h, id, conv } = laurieWithConvention();
    ok(step(h, conv, 'sent', ''));
    const s = select(h, 'ACAR Laurie');
    ok(
      h.call('apiStopStage', {
        stageId: s.id,
        fingerprint: s.fingerprint,
        stoppedOn: '14/02/2023',
        reason: 'Rupture',
      }),
    );
    generate(h, request('avenant', { stageIds: [id] }));
    const avenant = docsOf(h, id).documents.find((d) => d.kind === 'Avenant')!;
    expect(avenant.status).toBe('Générée');
    const o = ok<DocumentStepOutcome>(step(h, avenant, 'sent', ''));
    expect(o.stageStatus).toBe('Convention : envoyée · Avenant : envoyé');
  });
});

describe('attachments', () => {
  const pdf = Buffer.from('%PDF-1.4 signée').toString('base64');
  it('saves the scan in the session’s folder and links it; refuses what is not a PDF or image, or too big', () => {
    const { h, id, conv } = laurieWithConvention();
    const bad = h.call<ApiResult<unknown>>('apiAttachSignedCopy', {
      documentId: conv.id,
      row: conv.row,
      fingerprint: conv.fingerprint,
      fileName: 'x.exe',
      mimeType: 'application/x-msdownload',
      base64: pdf,
    });
    expect(bad).toMatchObject({ ok: false });
    if (!bad.ok) expect(bad.error).toMatch(/PDF ou une image/);
    const big = h.call<ApiResult<unknown>>('apiAttachSignedCopy', {
      documentId: conv.id,
      row: conv.row,
      fingerprint: conv.fingerprint,
      fileName: 'x.pdf',
      mimeType: 'application/pdf',
      base64: 'A'.repeat(14_000_000),
    });
    expect(big.ok || big.error).toMatch(/10 Mo au plus/);
    const filesBefore = h.em.drive.all().length;
    const renamed = h.call<ApiResult<unknown>>('apiAttachSignedCopy', {
      documentId: conv.id,
      row: conv.row,
      fingerprint: conv.fingerprint,
      fileName: 'notes.pdf',
      mimeType: 'application/pdf',
      base64: Buffer.from('pas un scan').toString('base64'),
    });
    expect(renamed).toMatchObject({ ok: false, field: 'file' });
    if (!renamed.ok) expect(renamed.error).toMatch(/pas le PDF ou l’image qu’il dit être/);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).toString('base64');
    const asJpeg = h.call<ApiResult<unknown>>('apiAttachSignedCopy', {
      documentId: conv.id,
      row: conv.row,
      fingerprint: conv.fingerprint,
      fileName: 'scan.jpg',
      mimeType: 'image/jpeg',
      base64: png,
    });
    expect(asJpeg).toMatchObject({ ok: false });
    expect(register(h)[0]!['Copie signée']).toBe('');
    expect(h.em.drive.all()).toHaveLength(filesBefore);
    const o = ok<DocumentStepOutcome>(
      h.call('apiAttachSignedCopy', {
        documentId: conv.id,
        row: conv.row,
        fingerprint: conv.fingerprint,
        fileName: 'scan.pdf',
        mimeType: 'application/pdf',
        base64: pdf,
      }),
    );
    expect(h.em.drive.all()).toHaveLength(filesBefore + 1);
    const scan = h.em.drive.all().find((f) => f.appProperties?.sdsKind === 'copie-signee')!;
    expect(scan.name).toBe('Convention signée – ACAR Laurie.pdf');
    const convFile = h.em.drive
      .all()
      .find((f) => f.appProperties?.sdsKind === 'convention' && f.appProperties?.sdsStage === id)!;
    expect(scan.parents).toEqual(convFile.parents);
    expect(o.document.signedCopy).toBe(register(h)[0]!['Copie signée']);
    expect(o.document.signedCopy).toContain(scan.id);
    const photo = ok<DocumentStepOutcome>(
      h.call('apiAttachSignedCopy', {
        documentId: conv.id,
        row: conv.row,
        fingerprint: o.document.fingerprint,
        fileName: 'photo.png',
        mimeType: 'image/png',
        base64: png,
      }),
    );
    expect(photo.document.signedCopy).not.toBe(o.document.signedCopy);
  });
});

describe('blank conventions', () => {
  it('are listed until regularised; the stage then has it as its convention', () => {
    const h = readyWorkbook();
    const newStage = stopAndNewStage(h)[1]!;
    ok<MadeFileView>(h.call('apiBlankConvention', h.ids.sessionId));
    const list = ok<ChaseList>(h.call('apiConventionsToChase', h.ids.sessionId));
    expect(list.blanks).toHaveLength(1);
    const blank = list.blanks[0]!;
    const o = ok<DocumentStepOutcome>(
      h.call('apiRegulariseBlank', {
        documentId: blank.id,
        row: blank.row,
        fingerprint: blank.fingerprint,
        stageId: newStage,
      }),
    );
    expect(o.document).toMatchObject({
      kind: 'Convention',
      stageId: newStage,
      regularisedOn: '2023-02-15',
    });
    expect(h.stageRows().find((r) => r['ID'] === newStage)!['Convention']).toBe(blank.link);
    expect(ok<ChaseList>(h.call('apiConventionsToChase', h.ids.sessionId)).blanks).toHaveLength(0);
    expect(stageLine(h, newStage)).toBe('Convention : générée');
  });
});

describe('conventions to chase, on a fixed clock', () => {
  it('sent and not back after 10 days, or a stage within 15 days without a complete convention', () => {
    const h = readyWorkbook();
    const newStage = stopAndNewStage(h)[1]!;
    const camille = h.ids.stages['ACNA Camille']!;
    giveTutorAnAddress(h, select(h, 'ACNA Camille').tutorId, 'tuteur@example.fr');
    generate(h, request('convention', { stageIds: [camille, newStage] }));
    const conv = docsOf(h, camille).documents[0]!;
    ok(step(h, conv, 'sent', '15/02/2023'));
    at(h, '2023-02-24');
    let list = ok<ChaseList>(h.call('apiConventionsToChase', h.ids.sessionId));
    expect(list).toMatchObject({ afterDays: 10, withinDays: 15 });
    expect(list.items.map((i) => i.stageId)).toEqual([newStage]);
    expect(list.items[0]!.reason).toBe('commence le 01/03/2023, convention générée seulement');
    at(h, '2023-02-25');
    list = ok<ChaseList>(h.call('apiConventionsToChase', h.ids.sessionId));
    const item = list.items.find((i) => i.stageId === camille)!;
    expect(item.reason).toBe('envoyée le 15/02/2023, pas revenue signée');
    expect(item.addressee).toMatch(/^le tuteur/);
    expect(item.mailto).toMatch(
      /^mailto:tuteur@example\.fr\?subject=Convention%20de%20stage%20d%E2%80%99ACNA%20Camille/,
    );
    expect(decodeURIComponent(item.mailto)).toContain('vous a été envoyée le 15/02/2023');
    const filtered = ok<{ stages: { id: string }[] }>(
      h.call('apiFilterStages', { ...EMPTY_FILTER, sessionId: h.ids.sessionId, toChase: true }),
    );
    expect(filtered.stages.map((s) => s.id).sort()).toEqual([camille, newStage].sort());
    const noted = ok<DocumentStepOutcome>(
      h.call('apiRecordReminder', {
        documentId: item.document!.id,
        row: item.document!.row,
        fingerprint: item.document!.fingerprint,
        step: 'reminder',
        date: '',
      }),
    );
    expect(noted.document.remindedOn).toBe('2023-02-25');
    expect(register(h).find((r) => r['ID'] === conv.id)!['Relancée le']).toBe('25/02/2023');
  });
});

describe('the prepared e-mail of a stage starting without a convention', () => {
  it('tells the tutor it is being prepared; to the student, it speaks to them', () => {
    const h = readyWorkbook();
    giveTutorAnAddress(h, select(h, 'ACNA Camille').tutorId, 'tuteur@example.fr');
    // Laurie's tutor has no address: the e-mail goes to Laurie, typed in « Élèves » by hand.
    const sheet = h.em.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Élèves')!;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
    const names = sheet
      .getRange(1, header.indexOf('Libellé') + 1, sheet.getLastRow(), 1)
      .getValues();
    const cell = sheet.getRange(
      names.findIndex((r) => r[0] === 'ACAR Laurie') + 1,
      header.indexOf('Courriel') + 1,
    );
    cell.setValue('laurie@eleve.example');
    h.call('onEdit', { range: cell, source: sheet.getParent(), value: 'laurie@eleve.example' });
    at(h, '2023-01-20');
    const list = ok<ChaseList>(h.call('apiConventionsToChase', h.ids.sessionId));
    const camille = list.items.find((i) => i.student === 'ACNA Camille')!;
    expect(camille).toMatchObject({
      reason: 'commence le 01/02/2023, aucune convention',
      kind: 'starting',
      document: null,
    });
    const mail = decodeURIComponent(camille.mailto);
    expect(mail).toContain('?subject=Convention de stage d’ACNA Camille – en préparation&');
    expect(mail).toContain(
      'La convention de stage d’ACNA Camille chez BANQUE POPULAIRE DU NORD DENAIN est en préparation : elle vous sera envoyée très prochainement pour signature.',
    );
    expect(mail).toContain('il ne peut pas commencer sans la convention signée');
    expect(mail).not.toMatch(/retourner/);
    const laurie = list.items.find((i) => i.student === 'ACAR Laurie')!;
    expect(laurie.addressee).toBe('l’élève (ACAR Laurie)');
    const toLaurie = decodeURIComponent(laurie.mailto);
    expect(toLaurie).toMatch(/^mailto:laurie@eleve\.example\?/);
    expect(toLaurie).toContain('Bonjour Laurie,\r\n\r\nVotre convention de stage');
    expect(toLaurie).toContain('Votre stage commence le 01/02/2023');
    expect(toLaurie.split('&body=')[1]).not.toContain('ACAR');
  });
});

describe('the dashboard', () => {
  it('counts the session’s conventions by their furthest step, and prints them on a sheet', () => {
    const h = readyWorkbook();
    generate(h, request('convention', { sessionId: h.ids.sessionId }));
    const laurie = docsOf(h, h.ids.stages['ACAR Laurie']!).documents[0]!;
    const o = ok<DocumentStepOutcome>(step(h, laurie, 'sent', ''));
    ok(step(h, o.document, 'student', ''));
    const v = ok<DashboardView>(
      h.call('apiDocumentsDashboard', { sessionId: h.ids.sessionId, print: true }),
    );
    const generated = v.counts[0]!.count;
    expect(generated).toBeGreaterThan(1);
    expect(v.counts.map((c) => c.count)).toEqual([generated, 1, 0, 0, v.stages - generated]);
    const sheet = h.display('Tableau de bord');
    expect(sheet[0]![0]).toContain('Tableau de bord des conventions');
    expect(sheet[3]!.slice(0, 2)).toEqual(['Générées', String(generated)]);
    expect(sheet[4]!.slice(0, 2)).toEqual(['Envoyées', '1']);
  });

  it('counts the stages without a convention, and prints the sheet after all the others', () => {
    const h = readyWorkbook();
    const two = [h.ids.stages['ACAR Laurie']!, h.ids.stages['ACNA Camille']!];
    generate(h, request('convention', { stageIds: two }));
    const camille = docsOf(h, two[1]!).documents[0]!;
    ok(
      h.call('apiCancelDocument', {
        documentId: camille.id,
        row: camille.row,
        fingerprint: camille.fingerprint,
        step: 'cancel',
        date: '',
      }),
    );
    const ss = h.em.globals.SpreadsheetApp.getActiveSpreadsheet();
    ss.setActiveSheet(ss.getSheets()[0]!);
    const v = ok<DashboardView>(
      h.call('apiDocumentsDashboard', { sessionId: h.ids.sessionId, print: true }),
    );
    expect(v.stages).toBeGreaterThan(2);
    // Camille's convention is cancelled: her stage has none, as the others'.
    expect(v.counts).toEqual([
      { label: 'Générées', count: 1 },
      { label: 'Envoyées', count: 0 },
      { label: 'Signées', count: 0 },
      { label: 'Complètes', count: 0 },
      { label: 'Sans convention', count: v.stages - 1 },
    ]);
    const sheet = h.display('Tableau de bord');
    expect(sheet[7]!.slice(0, 2)).toEqual(['Sans convention', String(v.stages - 1)]);
    const names = ss.getSheets().map((s) => s.getName());
    expect(names.at(-1)).toBe('Tableau de bord');
    expect(names.indexOf('Tableau de bord')).toBeGreaterThan(1);
  });
});

describe('a convention sent while « Régénérer » runs', () => {
  it('is left as it is, and the batch says why', () => {
    const h = readyWorkbook();
    const id = h.ids.stages['ACAR Laurie']!;
    generate(h, request('convention', { stageIds: [id] }));
    const job = ok<DocumentJobView>(
      h.call('apiStartDocuments', request('convention', { stageIds: [id] }, { regenerate: true })),
    );
    // Meanwhile, someone records that the convention went to the company.
    const d = docsOf(h, id).documents.find((x) => x.kind === 'Convention')!;
    ok(step(h, d, 'sent'));
    const before = h.stageRows().find((r) => r['ID'] === id)!['Convention'];
    const view = ok<DocumentJobView>(h.call('apiRunDocumentsChunk', job.id));
    expect(view.failed[0]!.reason).toMatch(/envoyé pour signature/);
    expect(h.stageRows().find((r) => r['ID'] === id)!['Convention']).toBe(before);
  });
});
