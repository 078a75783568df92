import { describe, expect, it } from 'vitest';
import { ADDON_NAME } from '../../src/spreadsheet/index';
import { setup } from './fixture';

function html(content: string, title: string) {
  return {
    getContent: () => content,
    getTitle: () => title,
  } as unknown as GoogleAppsScript.HTML.HtmlOutput;
}

describe('Ui', () => {
  it('records add-on menus with items, separators and submenus', () => {
    const { app, svc, log } = setup();
    const ui = app.getUi();
    ui.createAddonMenu()
      .addItem('Ouvrir le panneau', 'openSidebar')
      .addSeparator()
      .addSubMenu(ui.createMenu('Planning').addItem('Calendrier', 'showCalendar'))
      .addToUi();
    ui.createMenu('Outils').addItem('Réinitialiser', 'reset').addToUi();
    expect(svc.ui.menus).toEqual([
      {
        name: ADDON_NAME,
        addon: true,
        items: [
          { caption: 'Ouvrir le panneau', functionName: 'openSidebar' },
          { separator: true },
          { submenu: 'Planning', items: [{ caption: 'Calendrier', functionName: 'showCalendar' }] },
        ],
      },
      {
        name: 'Outils',
        addon: false,
        items: [{ caption: 'Réinitialiser', functionName: 'reset' }],
      },
    ]);
    expect(ADDON_NAME).toBe('Suivi des stages');
    expect(log.count('Menu.addItem')).toBe(3);
  });

  it('records sidebars and dialogs through getContent()/getTitle()', () => {
    const { app, svc } = setup();
    const ui = app.getUi();
    ui.showSidebar(html('<p>Panneau</p>', 'Suivi des stages'));
    ui.showModalDialog(html('<p>Nouveau stage</p>', 'ignored'), 'Nouveau stage');
    ui.showModelessDialog(html('<p>Aide</p>', ''), 'Aide');
    expect(svc.ui.sidebars).toEqual([{ title: 'Suivi des stages', html: '<p>Panneau</p>' }]);
    expect(svc.ui.dialogs).toEqual([
      { title: 'Nouveau stage', html: '<p>Nouveau stage</p>', modal: true },
      { title: 'Aide', html: '<p>Aide</p>', modal: false },
    ]);
  });

  it('alerts take their answers from the queue, defaulting to the first button', () => {
    const { app, svc } = setup();
    const ui = app.getUi();
    expect(ui.alert('Stage enregistré.')).toBe(ui.Button.OK);
    svc.ui.queueResponse({ button: 'NO' });
    expect(ui.alert('Arrêter le stage ?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(ui.alert('Titre', 'Arrêter le stage ?', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    expect(svc.ui.alerts).toEqual([
      { title: '', prompt: 'Stage enregistré.', buttons: 'OK' },
      { title: '', prompt: 'Arrêter le stage ?', buttons: 'YES_NO' },
      { title: 'Titre', prompt: 'Arrêter le stage ?', buttons: 'YES_NO' },
    ]);
  });

  it('prompts return a PromptResponse', () => {
    const { app, svc } = setup();
    const ui = app.getUi();
    svc.ui.queueResponse({ button: 'OK', text: 'Maladie' });
    const r = ui.prompt('Motif', "Motif de l'arrêt :", ui.ButtonSet.OK_CANCEL);
    expect(r.getResponseText()).toBe('Maladie');
    expect(r.getSelectedButton()).toBe(ui.Button.OK);
    const empty = ui.prompt('Vide ?');
    expect([empty.getResponseText(), String(empty.getSelectedButton())]).toEqual(['', 'OK']);
    expect(svc.ui.prompts.map((p) => p.prompt)).toEqual(["Motif de l'arrêt :", 'Vide ?']);
  });
});
