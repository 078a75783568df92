/**
 * « Stagiaires suivis au plus par enseignant » is a setting of Paramètres (default 16), read by
 * « Répartir le suivi » when its field is left empty; the figure a school had kept in the old
 * property (sds.followCap) is read until Paramètres hold one, never lost.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult, FollowUpPreview, SettingsView } from '../../../src/api/contract';
import { type Harness, seededWorkbook } from '../harness';

function ok<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

let h: Harness;
const settings = () => h.call<SettingsView>('apiGetSettings');
const props = () => h.em.globals.PropertiesService.getDocumentProperties();
const previewCap = (cap = '') =>
  ok(
    h.call<ApiResult<FollowUpPreview>>('apiPreviewFollowUp', {
      sessionId: h.ids.sessionId,
      teacherIds: [h.ids.staff['M. BRUEL Patrick']],
      keepExisting: true,
      cap,
    }),
  );

beforeEach(() => {
  h = seededWorkbook();
});

describe('the cap of interns followed at once, in Paramètres', () => {
  it('is 16 by default, and « Répartir » uses it when its field is empty', () => {
    expect(settings().followCap).toBe(16);
    expect(previewCap().cap).toBe(16);
  });

  it('saved in Paramètres, journalled, then used by « Répartir »', () => {
    const r = h.call<ApiResult<SettingsView>>('apiSaveSettings', { ...settings(), followCap: '3' });
    expect(ok(r).followCap).toBe(3);
    expect(settings().followCap).toBe(3);
    const p = previewCap();
    expect(p.cap).toBe(3);
    expect(p.teachers[0]!.stages).toHaveLength(3);
    expect(h.display('Journal').at(-1)![5]).toContain(
      'Stagiaires suivis au plus par enseignant : 3',
    );
  });

  it.each([['0'], ['201'], ['seize'], ['2,5']])('refuses « %s » on its field, in French', (cap) => {
    const before = settings();
    const r = h.call<ApiResult<SettingsView>>('apiSaveSettings', { ...before, followCap: cap });
    expect(r).toMatchObject({ ok: false, field: 'followCap' });
    if (!r.ok) expect(r.error).toContain('nombre entier de 1 à 200');
    expect(settings()).toEqual(before);
  });

  it('a figure applied in « Répartir » becomes Paramètres’ own', () => {
    const input = {
      sessionId: h.ids.sessionId,
      teacherIds: [h.ids.staff['M. BRUEL Patrick']],
      keepExisting: true,
      cap: '5',
    };
    const p = ok(h.call<ApiResult<FollowUpPreview>>('apiPreviewFollowUp', input));
    ok(h.call('apiApplyFollowUp', { ...input, digest: p.digest }));
    expect(settings().followCap).toBe(5);
    expect(previewCap().cap).toBe(5);
  });
});

describe('the figure kept before Paramètres had it (sds.followCap)', () => {
  it('is read when no setting holds one, and kept by the next save of Paramètres', () => {
    props().setProperty('sds.followCap', '7');
    expect(settings().followCap).toBe(7);
    expect(previewCap().cap).toBe(7);
    // Paramètres saved as the panel shows them: the figure is now theirs.
    ok(h.call('apiSaveSettings', { ...settings(), schoolName: 'Lycée Fénelon' }));
    expect(JSON.parse(props().getProperty('sds.settings')!)).toMatchObject({ followCap: 7 });
    props().setProperty('sds.followCap', '9');
    expect(settings().followCap).toBe(7);
  });

  it('is read beside settings saved before the cap was one of them', () => {
    ok(h.call('apiSaveSettings', { ...settings(), schoolName: 'Lycée Fénelon' }));
    const stored = JSON.parse(props().getProperty('sds.settings')!) as Record<string, unknown>;
    delete stored.followCap;
    props().setProperty('sds.settings', JSON.stringify(stored));
    props().setProperty('sds.followCap', '12');
    expect(settings()).toMatchObject({ schoolName: 'Lycée Fénelon', followCap: 12 });
  });

  it('a damaged figure reads as the default', () => {
    props().setProperty('sds.followCap', 'beaucoup');
    expect(settings().followCap).toBe(16);
  });
});
