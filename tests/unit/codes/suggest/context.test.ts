import { describe, expect, it } from 'vitest';
import { contextOf } from '../../../../src/codes/suggest/context.ts';
import { mentionsIn } from '../../../../src/codes/suggest/mentions.ts';
import { PhraseIndex } from '../../../../src/codes/suggest/phrase-index.ts';
import { sentencesOf } from '../../../../src/codes/suggest/passages.ts';
import { tokenize, wordsOf } from '../../../../src/codes/suggest/tokens.ts';

const lexicon = new PhraseIndex();
for (const [phrase, code] of [['pneumonia', 'J189'], ['uti', 'N390'], ['pulmonary embolism', 'I2699'], ['heart failure', 'I509'], ['ckd', 'N189'], ['ckd stage 3a', 'N1831']] as const) {
  lexicon.add(wordsOf(phrase), code);
}
const contextIn = (sentence: string) => mentionsIn({ text: sentence, source: { text: sentence }, where: 'Assessment' }, lexicon).map((m) => [m.code, m.context, m.trigger ?? '']);

describe('context of diagnosis mentions (NegEx/ConText)', () => {
  it.each([
    ['Pneumonia, start ceftriaxone.', 'affirmed', ''],
    ['No pneumonia on chest x-ray.', 'negated', 'No'],
    ['Denies fever, chills or pneumonia.', 'negated', 'Denies'],
    ['Negative for UTI.', 'negated', 'Negative for'],
    ['Pneumonia was ruled out.', 'negated', 'was ruled out'],
    ['History of pulmonary embolism, on apixaban.', 'historical', 'History of'],
    ['No history of pulmonary embolism.', 'negated', 'No history of'],
    ['Family history of pulmonary embolism.', 'family', 'Family history of'],
    ['Mother had pulmonary embolism.', 'family', 'Mother'],
    ['Probable pneumonia.', 'uncertain', 'Probable'],
    ['Rule out pneumonia.', 'uncertain', 'Rule out'],
    ['Pneumonia suspected.', 'uncertain', 'suspected'],
    ['No fever but pneumonia on imaging.', 'affirmed', ''],
    ['No change in heart failure symptoms.', 'affirmed', ''],
    ['TSH sent as routine screening for associated heart failure.', 'hypothetical', 'screening for'],
    ['Referred to pulmonary embolism clinic.', 'hypothetical', 'Referred to'],
    ['Home pneumonia test ordered.', 'hypothetical', 'test'],
    ['Hx pulmonary embolism 2019, off anticoagulation.', 'historical', 'Hx'],
    ['Family hx pulmonary embolism.', 'family', 'Family hx'],
  ])('%s → %s', (sentence, context, trigger) => {
    expect(contextIn(sentence)[0]).toEqual([expect.any(String), context, trigger]);
  });

  it('keeps the longer phrase and drops the one inside it', () => {
    expect(contextIn('CKD stage 3a, stable.').map((m) => m[0])).toEqual(['N1831']);
  });

  it('scopes a trigger to a few words', () => {
    const sentence = 'No fever, cough improving, tolerating diet, ambulating in hallway, heart failure compensated.';
    const tokens = tokenize(sentence);
    const at = tokens.findIndex((t) => t.word === 'heart');
    expect(contextOf(tokens, at, at + 2, sentence).context).toBe('affirmed');
  });

  it('splits glued list items into sentences', () => {
    expect(sentencesOf('1. Heart failure: diuresis, strict intake and output.2. Type 2 diabetes: insulin. Creatinine 1.4.')).toEqual([
      'Heart failure: diuresis, strict intake and output',
      'Type 2 diabetes: insulin.',
      'Creatinine 1.4.',
    ]);
  });
});
