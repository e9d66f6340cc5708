import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../shared/error-codes';
import { accessCodeErrorCodeSchema, accessCodeWarningCodeSchema } from '../../../shared/domain/access-code';
import { accessCodeIssueWords, errorWords, pinRuleWords, ruleWordsFor, wordsForError, wordsForIssue } from './error-words';

const hasWords = (w: { title: string; next: string } | undefined) => !!w && w.title.trim().length > 3 && w.next.trim().length > 10;

describe('error words', () => {
  it.each(ERROR_CODES)('has words and a next step for %s', (code) => {
    expect(hasWords(errorWords[code])).toBe(true);
    expect(wordsForError({ code })).toBe(errorWords[code]);
  });

  it.each([...accessCodeErrorCodeSchema.options, ...accessCodeWarningCodeSchema.options])('has words for the Seam issue %s', (code) => {
    expect(hasWords(accessCodeIssueWords[code])).toBe(true);
    expect(wordsForIssue({ error_code: code, message: 'x' })).toBe(accessCodeIssueWords[code]);
  });

  it('has no words for codes that do not exist', () => {
    const known = new Set<string>([...ERROR_CODES]);
    expect(Object.keys(errorWords).filter((code) => !known.has(code))).toEqual([]);
  });

  it('names the broken PIN rule, keeping the message for a rule it does not know', () => {
    for (const rule of ['supported_code_lengths', 'allowed_characters', 'duplicate_code_on_device', 'max_active_codes_supported']) {
      expect(pinRuleWords[rule]).toBeTruthy();
    }
    expect(ruleWordsFor({ code: 'codes.constraint_violated', message: 'm', details: { rule: 'no_zeros' } })).toMatch(/zero/);
    expect(ruleWordsFor({ code: 'codes.constraint_violated', message: 'odd rule', details: { rule: 'odd' } })).toBe('odd rule');
    expect(ruleWordsFor({ code: 'codes.busy', message: 'm' })).toBeNull();
  });

  it('keeps the lock’s message for an issue it does not know', () => {
    expect(wordsForIssue({ error_code: 'weird', message: 'Lock said no' }).title).toBe('Lock said no');
  });
});
