import { describe, expect, it } from 'vitest';
import { stageFromRecord, stageToRecord, studentFromRecord } from '../../src/sheets/records';
import { stage } from '../fixtures/domain';

const parsers = { parseSchedule: () => null };
const labels = {
  session: () => 'S',
  student: () => ({ label: 'ACAR Laurie', className: 'BTS1' }),
  company: () => 'C',
  tutor: () => 'T',
  staff: () => 'P',
};

describe('the « Avenant » column', () => {
  it.each([
    ['À faire', true, false],
    ['a faire', true, false],
    ['  À  FAIRE ', true, false],
    ['Fait', false, true],
    ['fait', false, true],
    ['', false, false],
    ['oui', false, false],
  ])('« %s » reads as needed: %s, done: %s', (cell, needsAmendment, amendmentDone) => {
    const s = stageFromRecord({ id: 'STG1', amendment: cell }, parsers);
    expect([s.needsAmendment, s.amendmentDone]).toEqual([needsAmendment, amendmentDone]);
  });

  it.each([
    [{ needsAmendment: true }, 'À faire'],
    [{ needsAmendment: true, amendmentDone: true }, 'À faire'],
    [{ needsAmendment: false, amendmentDone: true }, 'Fait'],
    [{ needsAmendment: false }, ''],
  ])('%o is written « %s »', (over, cell) => {
    expect(stageToRecord(stage(over), labels, () => '').amendment).toBe(cell);
  });

  it('keeps « Fait » through a read and a write that change something else', () => {
    const read = stageFromRecord({ id: 'STG1', amendment: 'Fait', start: '2023-02-01' }, parsers);
    expect(stageToRecord({ ...read, stopReason: 'x' }, labels, () => '').amendment).toBe('Fait');
  });
});

describe('studentFromRecord', () => {
  it('reads the documents’ columns, empty ones as ""', () => {
    expect(
      studentFromRecord({
        id: 'ELV1',
        lastName: ' ACAR ',
        firstName: 'Laurie',
        className: 'BTS1',
        birthDate: '2005-03-04',
        ine: '123456789AB',
        address: '1 rue X',
        phone: '06',
        guardianName: 'ACAR Paul',
        guardianEmail: null,
      }),
    ).toEqual({
      id: 'ELV1',
      lastName: 'ACAR',
      firstName: 'Laurie',
      className: 'BTS1',
      birthDate: '2005-03-04',
      email: '',
      ine: '123456789AB',
      address: '1 rue X',
      phone: '06',
      guardianName: 'ACAR Paul',
      guardianAddress: '',
      guardianPhone: '',
      guardianEmail: '',
    });
  });
});
