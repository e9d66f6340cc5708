import { describe, expect, it } from 'vitest';
import { doorNameProblem, pairingModeWords, securityPinProblem, signalWords } from './bluetooth-words';

describe('bluetooth words', () => {
  it('says the signal in words and dBm, with a real minus sign', () => {
    expect(signalWords(-52)).toBe('strong, \u221252 dBm');
    expect(signalWords(-68)).toBe('good, \u221268 dBm');
    expect(signalWords(-77)).toBe('weak, \u221277 dBm');
    expect(signalWords(-91)).toBe('very weak, \u221291 dBm');
  });

  it('says whether a lock can be paired now', () => {
    expect(pairingModeWords('pairing')).toBe('in pairing mode');
    expect(pairingModeWords('paired')).toBe('not in pairing mode');
    expect(pairingModeWords('unknown')).toBe('pairing mode not known');
  });

  it('names what is wrong with a security PIN', () => {
    expect(securityPinProblem('')).toBe('Type the lock’s security PIN.');
    expect(securityPinProblem('12a4')).toBe('The security PIN has digits only.');
    expect(securityPinProblem('123')).toBe('The security PIN is 4 to 6 digits.');
    expect(securityPinProblem('1234567')).toBe('The security PIN is 4 to 6 digits.');
    expect(securityPinProblem('1234')).toBeNull();
    expect(securityPinProblem('123456')).toBeNull();
  });

  it('names what is wrong with a door name', () => {
    expect(doorNameProblem('  ')).toBe('Give the door a name (the lock’s own name will do).');
    expect(doorNameProblem('x'.repeat(81))).toBe('The door’s name is longer than 80 characters.');
    expect(doorNameProblem('Flat 3\n')).toBeNull(); // trimmed
    expect(doorNameProblem('Flat\t3')).toBe('The door’s name has a control character (such as a line break or tab).');
    expect(doorNameProblem('Nuki_3C8862ED')).toBeNull();
  });
});
