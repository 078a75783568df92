/**
 * Issue 10 on the emulator: templates, the report before a batch, ACAR Laurie's two conventions
 * after the seed's stop and new stage, never a duplicate, regeneration, avenants, injection-safe
 * values, the accord préalable, the blank convention and the print file.
 */
import { describe, expect, it } from 'vitest';
import type { ApiResult, DocumentsOverview, MadeFileView } from '../../../src/api/contract';
import { TEMPLATE_KINDS } from '../../../src/domain/documents/kinds';
import { seededWorkbook } from '../harness';
import {
  docTextOfUrl,
  generate,
  liveFiles,
  ok,
  plan,
  readyWorkbook,
  request,
  select,
  stopAndNewStage,
  WORD_JOINER,
} from './documentsHarness';

describe('templates', () => {
  it('creates the five templates once, in the add-on folder, and remakes only one binned', () => {
    const h = seededWorkbook();
    const first = ok<DocumentsOverview>(h.call('apiCreateTemplates'));
    expect(first.templates.every((t) => t.url)).toBe(true);
    const folder = h.em.drive.all().find((f) => f.name === 'Suivi des stages – Documents')!;
    const inFolder = () =>
      h.em.drive.all().filter((f) => !f.trashed && f.parents.includes(folder.id));
    expect(
      inFolder()
        .map((f) => f.name)
        .sort(),
    ).toHaveLength(TEMPLATE_KINDS.length);
    const again = h.call<{ ok: true; message: string }>('apiCreateTemplates');
    expect(again.message).toMatch(/existent déjà/);
    expect(inFolder()).toHaveLength(TEMPLATE_KINDS.length);
    const avenant = inFolder().find((f) => f.name.includes('Avenant'))!;
    h.em.globals.Drive.Files!.update({ trashed: true }, avenant.id);
    ok(h.call('apiCreateTemplates'));
    expect(inFolder()).toHaveLength(TEMPLATE_KINDS.length);
    expect(inFolder().find((f) => f.name.includes('Avenant'))!.id).not.toBe(avenant.id);
  });

  it('reports the placeholders a template holds that the add-on does not know', () => {
    const h = readyWorkbook();
    const id = h.em.drive.all().find((f) => f.appProperties?.sdsTemplate === 'attestation')!.id;
    h.em.globals.Docs.Documents!.batchUpdate(
      {
        requests: [
          {
            insertText: {
              location: { index: 1 },
              text: 'Nom : {{eleve.nomm}} {{ eleve.prenom }}\n',
            },
          },
        ],
      },
      id,
    );
    const check = ok<{ unknown: { text: string; suggestion: string }[]; known: number }>(
      h.call('apiCheckTemplate', 'attestation'),
    );
    expect(check.unknown.map((u) => u.text)).toEqual(['{{eleve.nomm}}', '{{ eleve.prenom }}']);
    expect(check.unknown[0]!.suggestion).toContain('{{eleve.nom}}');
    expect(check.known).toBeGreaterThan(5);
  });
});

describe('a session’s own template', () => {
  it('is a copy made once, and the session’s conventions come from it', () => {
    const h = readyWorkbook();
    const own = ok<MadeFileView>(h.call('apiSessionTemplate', h.ids.sessionId));
    expect(ok<MadeFileView>(h.call('apiSessionTemplate', h.ids.sessionId)).url).toBe(own.url);
    const id = /\/d\/([^/]+)/.exec(own.url)![1]!;
    h.em.globals.Docs.Documents!.batchUpdate(
      {
        requests: [
          {
            insertText: { location: { index: 1 }, text: 'Section informatique – {{eleve.nom}}\n' },
          },
        ],
      },
      id,
    );
    generate(h, request('convention', { sessionId: h.ids.sessionId }));
    const url = h.stageRows().find((r) => r['Élève'] === 'ACAR Laurie')!['Convention']!;
    expect(docTextOfUrl(h, url)).toContain('Section informatique – ACAR');
  });
});

describe('the report before a batch', () => {
  it('checks the templates it will use and names their unknown placeholders', () => {
    const h = readyWorkbook();
    const id = h.em.drive.all().find((f) => f.appProperties?.sdsTemplate === 'conventionBts')!.id;
    h.em.globals.Docs.Documents!.batchUpdate(
      { requests: [{ insertText: { location: { index: 1 }, text: 'Réf. {{eleve.nomm}}\n' } }] },
      id,
    );
    const p = plan(h, request('convention', { sessionId: h.ids.sessionId }));
    expect(p.toCreate).toBe(2);
    expect(p.templateProblems).toHaveLength(1);
    expect(p.templateProblems[0]).toMatch(
      /Convention de stage.*\{\{eleve\.nomm\}\}.*\{\{eleve\.nom\}\}/,
    );
  });

  it('says what each incomplete stage lacks, and that the templates must exist first', () => {
    const h = seededWorkbook();
    const p = plan(h, request('convention', { sessionId: h.ids.sessionId }));
    expect(p.blocked).toMatch(/Créer les modèles/);
    const laurie = p.incomplete.find((i) => i.label === 'ACAR Laurie')!;
    expect(laurie.missing).toEqual(
      expect.arrayContaining([
        'SIRET de l’entreprise manquant'.replace('’', "'"),
        expect.stringMatching(/chef d.établissement/),
      ]),
    );
    const hugo = p.incomplete.find((i) => i.label === 'BERNARD Hugo')!;
    expect(hugo.missing).toContain("pas d'entreprise");
    expect(
      h.em.drive.all().filter((f) => f.kind === 'file' && f.mimeType.includes('document')),
    ).toHaveLength(0);
  });
});

describe('generating conventions', () => {
  it('makes ACAR Laurie’s two conventions after the stop and the new stage, links them, fills them', () => {
    const h = readyWorkbook();
    const ids = stopAndNewStage(h);
    const p = plan(h, request('convention', { stageIds: ids }));
    expect(p).toMatchObject({ toCreate: 2, existing: 0, incomplete: [] });
    const done = generate(h, request('convention', { stageIds: ids }));
    expect(done).toMatchObject({ state: 'done', done: 2, total: 2, progress: '2 / 2 conventions' });
    const rows = h.stageRows().filter((r) => r['Élève'] === 'ACAR Laurie');
    expect(rows).toHaveLength(2);
    const [first, second] = rows.map((r) => docTextOfUrl(h, r['Convention']!));
    expect(first).toContain('ACAR');
    expect(first).toContain('CREDIT AGRICOLE DU NORD CAMBRAI');
    expect(first).toContain('441 869 670 00121');
    expect(first).toContain('Mme Martine DURAND');
    expect(second).toContain('BANQUE POPULAIRE DU NORD DENAIN');
    expect(second).toContain('01/03/2023');
    for (const text of [first, second]) expect(text).not.toMatch(/\{\{/);
    // The template's formatting is kept: its bold school name stays bold, filled.
    const docId = /\/d\/([^/]+)/.exec(rows[0]!['Convention']!)![1]!;
    const runs = h.em.drive.docModel(docId).flatMap((b) => (b.kind === 'paragraph' ? b.runs : []));
    expect(runs.find((r) => r.text.includes('Lycée Fénelon'))?.style.bold).toBe(true);
    const names = h
      .display('Documents')
      .slice(1)
      .map((r) => r[6]);
    expect(names).toContain(
      'Convention – BTS 1 info période 1 – ACAR Laurie – CREDIT AGRICOLE DU NORD CAMBRAI',
    );
    // The Journal names the batch by its session, as staff look it up.
    const line = h.display('Journal').find((r) => r[2] === 'Générer : convention')!;
    expect(line[3]).toBe('BTS 1 info période 1 (2 documents)');
  });

  it('never makes a second document: a rerun skips, « Régénérer » replaces and bins the old', () => {
    const h = readyWorkbook();
    const ids = stopAndNewStage(h);
    generate(h, request('convention', { stageIds: ids }));
    const before = h.stageRows().find((r) => r['ID'] === ids[0])!['Convention'];
    expect(plan(h, request('convention', { stageIds: ids }))).toMatchObject({
      toCreate: 0,
      existing: 2,
    });
    const refused = h.call<{ ok: false; error: string }>(
      'apiStartDocuments',
      request('convention', { stageIds: ids }),
    );
    expect(refused.error).toMatch(/Aucun document à créer/);
    generate(h, request('convention', { stageIds: ids }, { regenerate: true }));
    const after = h.stageRows().find((r) => r['ID'] === ids[0])!['Convention'];
    expect(after).not.toBe(before);
    for (const id of ids) expect(liveFiles(h, id)).toHaveLength(1);
    const oldId = /\/d\/([^/]+)/.exec(before!)![1]!;
    expect(h.em.drive.all().find((f) => f.id === oldId)!.trashed).toBe(true);
    const statuses = h
      .display('Documents')
      .slice(1)
      .map((r) => r[9]);
    expect(statuses.filter((s) => s === 'Remplacée')).toHaveLength(2);
  });

  it('a convention made again before it was sent takes in the change: no avenant is due', () => {
    const h = readyWorkbook();
    const id = h.ids.stages['ACNA Camille']!;
    generate(h, request('convention', { stageIds: [id] }));
    const s = select(h, 'ACNA Camille');
    ok(
      h.call('apiStopStage', {
        stageId: s.id,
        fingerprint: s.fingerprint,
        stoppedOn: '24/02/2023',
        reason: 'Fin anticipée',
      }),
    );
    expect(h.stageRows().find((r) => r['ID'] === id)!['Avenant']).toBe('À faire');
    generate(h, request('convention', { stageIds: [id] }, { regenerate: true }));
    const row = h.stageRows().find((r) => r['ID'] === id)!;
    expect(row['Avenant']).toBe('');
    expect(liveFiles(h, id)).toHaveLength(1);
    expect(docTextOfUrl(h, row['Convention']!)).toContain('24/02/2023');
  });

  it('a fault on the 3rd Drive copy, then a rerun: each stage has exactly one document', () => {
    const h = readyWorkbook();
    const ids = stopAndNewStage(h);
    // ACNA Camille as well: three stages, three copies.
    const all = [...ids, h.ids.stages['ACNA Camille']!];
    h.em.log.failOn('Drive.Files.copy', 3, new Error('Internal error encountered.'));
    const first = h.call<{ ok: boolean; error?: string }>(
      'apiStartDocuments',
      request('convention', { stageIds: all }),
    );
    const jobId = (first as unknown as { value: { id: string } }).value.id;
    const chunk = h.call<{ ok: boolean; error?: string }>('apiRunDocumentsChunk', jobId);
    expect(chunk.ok).toBe(false);
    expect(chunk.error).toMatch(/Erreur inattendue/);
    // The two made before the fault are registered and linked, not lost.
    expect(h.stageRows().filter((r) => r['Convention'] !== '')).toHaveLength(2);
    const rerun = generate(h, request('convention', { stageIds: all }));
    expect(rerun.state).toBe('done');
    for (const id of all) expect(liveFiles(h, id)).toHaveLength(1);
    expect(h.stageRows().filter((r) => r['Convention'] !== '')).toHaveLength(3);
  });

  it('makes the avenant of a stage stopped after its convention, with the reason as plain text', () => {
    const h = readyWorkbook();
    const id = h.ids.stages['ACAR Laurie']!;
    const line = () => h.stageRows().find((r) => r['ID'] === id)!['Suivi des documents'];
    expect(line()).toBe('');
    generate(h, request('convention', { stageIds: [id] }));
    // The Stages line names a document from its generation on.
    expect(line()).toBe('Convention : générée');
    const trap = '{{eleve.nom}} $1 <b>gras</b>\n=SOMME(A1) $&';
    const s = select(h, 'ACAR Laurie');
    ok(
      h.call('apiStopStage', {
        stageId: s.id,
        fingerprint: s.fingerprint,
        stoppedOn: '27/02/2023',
        reason: trap,
      }),
    );
    expect(h.stageRows().find((r) => r['ID'] === id)!['Avenant']).toBe('À faire');
    expect(plan(h, request('avenant', { sessionId: h.ids.sessionId }))).toMatchObject({
      toCreate: 1,
    });
    const done = generate(h, request('avenant', { sessionId: h.ids.sessionId }));
    expect(done).toMatchObject({ state: 'done', done: 1 });
    expect(h.stageRows().find((r) => r['ID'] === id)!['Avenant']).toBe('Fait');
    expect(line()).toBe('Convention : générée · Avenant : généré');
    const [avenant] = liveFiles(h, id, 'avenant');
    const text = h.em.drive.docText(avenant!.id);
    expect(text).toContain('27/02/2023');
    expect(text).toContain('Convention – BTS 1 info période 1 – ACAR Laurie');
    // Shown exactly as typed (the line break as a comma); the braces never became a placeholder.
    expect(text.replace(WORD_JOINER, '')).toContain('{{eleve.nom}} $1 <b>gras</b>, =SOMME(A1) $&');
    expect(text).not.toContain('ACAR $1');
    // Nothing left to amend: a second run makes none.
    expect(plan(h, request('avenant', { sessionId: h.ids.sessionId })).toCreate).toBe(0);
    // Its avenant names the convention: « Régénérer » leaves it alone.
    const again = plan(h, request('convention', { stageIds: [id] }, { regenerate: true }));
    expect(again.toCreate).toBe(0);
    expect(again.notApplicable[0]!.reason).toMatch(/un avenant complète déjà sa convention/);
  });
});

describe('other documents', () => {
  it('makes the session’s accord préalable, a blank convention and one print file in 3 copies', () => {
    const h = readyWorkbook();
    const accord = ok<MadeFileView>(h.call('apiGenerateAccord', h.ids.sessionId));
    const accordText = docTextOfUrl(h, accord.url);
    expect(accordText).toContain('BTS 1 info période 1');
    expect(accordText).not.toMatch(/\{\{/);
    const blank = ok<MadeFileView>(h.call('apiBlankConvention', h.ids.sessionId));
    const blankText = docTextOfUrl(h, blank.url);
    expect(blankText).toContain('Lycée Fénelon');
    expect(blankText).toMatch(/\.{6,}|…{3,}/);
    expect(blankText).not.toMatch(/\{\{/);
    generate(h, request('convention', { sessionId: h.ids.sessionId }));
    const printed = ok<MadeFileView>(
      h.call('apiPrintDocuments', { kind: 'convention', scope: { sessionId: h.ids.sessionId } }),
    );
    expect(printed).toMatchObject({ count: 2, copies: 3 });
    const text = docTextOfUrl(h, printed.url).replace(WORD_JOINER, '');
    expect(text.match(/Exemplaire entreprise/g)).toHaveLength(2);
    expect(text.match(/Exemplaire stagiaire/g)).toHaveLength(2);
    expect(text.match(/Exemplaire établissement/g)).toHaveLength(2);
    expect(text).toContain('ACNA');
  });

  it('says in French which template to make again when it was deleted from Drive', () => {
    const h = readyWorkbook();
    for (const f of h.em.drive.all())
      if (['accord', 'conventionBts'].includes(f.appProperties?.sdsTemplate ?? ''))
        h.em.drive.delete(f.id);
    // The session's folder may be made; no document is.
    const docs = () => h.em.drive.all().filter((f) => f.kind === 'file').length;
    const files = docs();
    for (const call of ['apiGenerateAccord', 'apiBlankConvention']) {
      const r = h.call<ApiResult<MadeFileView>>(call, h.ids.sessionId);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error).toMatch(
        /^Le modèle « Modèle – (Accord préalable|Convention).* » est introuvable .*recréez-le depuis Documents › Modèles de documents\.$/,
      );
    }
    expect(docs()).toBe(files);
    expect(
      h
        .display('Documents')
        .slice(1)
        .filter((r) => r[0] !== ''),
    ).toEqual([]);
  });
});
