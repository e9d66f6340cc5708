import { describe, expect, it } from 'vitest';
import { codePlaceCell, codePlaceHeading, codePlaceWords } from './code-place';

describe('code place words', () => {
  it('a slot lock shows the slot number under "Slot" and "slot 3" in a sentence', () => {
    expect(codePlaceHeading('slots')).toBe('Slot');
    expect(codePlaceCell(3, 'slots')).toBe('3');
    expect(codePlaceWords(3, 'slots')).toBe('slot 3');
  });

  it('a lock that numbers its codes itself shows "code #3"', () => {
    expect(codePlaceHeading('lock_ids')).toBe('On the lock');
    expect(codePlaceCell(3, 'lock_ids')).toBe('code #3');
    expect(codePlaceWords(3, 'lock_ids')).toBe('code #3');
  });

  it('says nothing made up while the place is not known yet', () => {
    expect(codePlaceCell(null, 'lock_ids')).toBe('–');
    expect(codePlaceWords(null, 'slots')).toBeNull();
  });

  it('treats an unknown lock as a slot lock', () => {
    expect(codePlaceHeading()).toBe('Slot');
    expect(codePlaceCell(7)).toBe('7');
    expect(codePlaceWords(7)).toBe('slot 7');
  });
});
