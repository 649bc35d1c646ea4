import { describe, expect, it } from 'vitest';
import { createArticle } from '../../article/article.js';
import { EMPTY_META } from '../../article/meta.js';
import { parseDateline } from '../../read/dateline.js';
import { segmentStage } from './stage.js';

/** Runs the stage on a hand-built Article and returns each sentence's text. */
function sentencesOf(text: string, withDateline = false): string[] {
  const dateline = withDateline ? parseDateline(text, 0, null) : null;
  const article = createArticle(text, { ...EMPTY_META, dateline });
  const { layers } = segmentStage.run(article, undefined);
  return (layers.sentences ?? []).map((s) => text.slice(s.start, s.end));
}

describe('sentences', () => {
  it('splits at full stops followed by a capital', () => {
    expect(sentencesOf('The talks ended. Both sides left.')).toEqual(['The talks ended.', 'Both sides left.']);
  });

  it('always splits at a blank line, even without a full stop (a headline)', () => {
    expect(sentencesOf('Storm hits coast\n\nThe storm hit.')).toEqual(['Storm hits coast', 'The storm hit.']);
  });

  it('splits after a question or exclamation mark with its closing quote', () => {
    expect(sentencesOf('He asked: "Why now?" Nobody answered.')).toEqual(['He asked: "Why now?"', 'Nobody answered.']);
  });

  it('keeps a closing quote with its sentence', () => {
    expect(sentencesOf('"We won." She smiled.')).toEqual(['"We won."', 'She smiled.']);
  });

  it('splits after U.S. when a sentence opener follows', () => {
    expect(sentencesOf('Troops returned to the U.S. The war was over.')).toEqual(['Troops returned to the U.S.', 'The war was over.']);
  });

  it('splits after a month abbreviation that ends a sentence before an opener', () => {
    expect(sentencesOf('The vote was set for Jan. The date later moved.')).toEqual(['The vote was set for Jan.', 'The date later moved.']);
  });

  it('treats the dateline as part of the first sentence', () => {
    const text = 'WASHINGTON, D.C. (Reuters) - The U.S. Senate voted. It passed.';
    expect(sentencesOf(text, true)).toEqual(['WASHINGTON, D.C. (Reuters) - The U.S. Senate voted.', 'It passed.']);
  });

  it('splits the seed story into its headline and thirteen body sentences', () => {
    const text = 'North Korea to boost nuclear arsenal, conventional military: state media\n\nSEOUL, Sept 13, 2025 (BSS/AFP) - North Korean leader Kim Jong Un said Pyongyang will unveil a policy.\n\nSince a failed summit with the United States in 2019, North Korea has repeatedly said it will never give up its nuclear weapons.';
    expect(sentencesOf(text, true)).toHaveLength(3);
  });
});

describe('tokens', () => {
  it('gives offsets into the text and the sentence of each token', () => {
    const text = 'Kim said. He left.';
    const article = createArticle(text, EMPTY_META);
    const tokens = segmentStage.run(article, undefined).layers.tokens ?? [];
    expect(tokens.map((t) => [text.slice(t.start, t.end), t.sentence])).toEqual([
      ['Kim', 0], ['said', 0], ['.', 0], ['He', 1], ['left', 1], ['.', 1],
    ]);
  });

  it.each([
    ["North Korea's assistance", ['North', 'Korea', "'s", 'assistance']],
    ["don't", ['do', "n't"]],
    ['3.5 billion euros', ['3.5', 'billion', 'euros']],
    ['1,400 troops', ['1,400', 'troops']],
    ['the U.S.-led war', ['the', 'U.S.', '-', 'led', 'war']],
    ['war-fighting capability', ['war-fighting', 'capability']],
    ['see https://example.org/a.html.', ['see', 'https://example.org/a.html', '.']],
    ["O'Brien said", ["O'Brien", 'said']],
    ['at 08:28 on', ['at', '08:28', 'on']],
    ['a mid- to long-term', ['a', 'mid', '-', 'to', 'long-term']],
  ])('%s', (text, expected) => {
    const tokens = segmentStage.run(createArticle(text, EMPTY_META), undefined).layers.tokens ?? [];
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(expected);
  });
});

describe('quotations', () => {
  const quotationsOf = (text: string) => {
    const out = segmentStage.run(createArticle(text, EMPTY_META), undefined);
    return { spans: (out.layers.quotations ?? []).map((q) => [text.slice(q.start, q.end), q.closed]), messages: out.messages ?? [] };
  };

  it('keeps a quotation over several sentences as one span', () => {
    expect(quotationsOf('"We will win. We will not stop," he said.').spans).toEqual([['"We will win. We will not stop,"', true]]);
  });

  it('joins a quotation that runs over paragraphs, each opening with a quote mark', () => {
    const text = '“The first part.\n\n“The second part,” she said.';
    expect(quotationsOf(text).spans).toEqual([[text.slice(0, text.indexOf('” she') + 1), true]]);
  });

  it('takes two apostrophes as a double quote mark, as the New York Times writes them', () => {
    expect(quotationsOf("''This isn't tax reform,'' said Douglas Holtz-Eakin.").spans).toEqual([["''This isn't tax reform,''", true]]);
  });

  it('closes an unclosed quotation at its paragraph end and says so', () => {
    const { spans, messages } = quotationsOf('"Never closed.\n\nNext paragraph.');
    expect(spans).toEqual([['"Never closed.', false]]);
    expect(messages).toMatchObject([{ source: 'segment', rule: 'unclosed-quote', start: 0 }]);
  });
});

describe('sentences at line ends', () => {
  it('breaks at every line end in text written one sentence per line', () => {
    expect(sentencesOf('Romania beat Lithuania 2-1 .\nScorers :\nRomania - Cosmin Contra ( 31st )\nAttendance : 200')).toEqual([
      'Romania beat Lithuania 2-1 .', 'Scorers :', 'Romania - Cosmin Contra ( 31st )', 'Attendance : 200',
    ]);
  });

  it('joins the lines of a wrapped paragraph', () => {
    const text = 'Officials in the capital said on Tuesday that the\nnew budget would be presented next week,\nafter two months of talks.';
    expect(sentencesOf(text)).toEqual([text]);
  });

  it('ends the headline at its line end without a blank line after it', () => {
    const text = 'Storm hits coast\nOfficials in the capital said on Tuesday that the storm\nhad passed by the evening.';
    const article = createArticle(text, { ...EMPTY_META, headline: 'Storm hits coast' });
    const sentences = (segmentStage.run(article, undefined).layers.sentences ?? []).map((s) => text.slice(s.start, s.end));
    expect(sentences).toEqual(['Storm hits coast', text.slice(text.indexOf('Officials'))]);
  });

  it('keeps an initial with its period before a name, and the name in its sentence', () => {
    const text = 'The wicket fell to M. Waugh in the final over.';
    const { layers } = segmentStage.run(createArticle(text, EMPTY_META), undefined);
    expect((layers.tokens ?? []).map((t) => text.slice(t.start, t.end))).toContain('M.');
    expect(layers.sentences).toHaveLength(1);
  });
});

describe('lists and tokens in wire text', () => {
  it('ends each line of a list inside wrapped text, and still joins the wrapped lines', () => {
    const text = 'Australia will defend the Ashes in a six-test series against\nEngland during a four-month tour starting on May 13 next year ,\nthe Test and County Cricket Board said on Friday in a statement\nissued to the press .\nTour itinerary :\nMay 13 Arrive in London\nMay 14 Practice at Lord \'s';
    expect(sentencesOf(text)).toEqual([
      'Australia will defend the Ashes in a six-test series against\nEngland during a four-month tour starting on May 13 next year ,\nthe Test and County Cricket Board said on Friday in a statement\nissued to the press .',
      'Tour itinerary :', 'May 13 Arrive in London', 'May 14 Practice at Lord \'s',
    ]);
  });

  it('keeps a currency sign with its country and U.S without its last period', () => {
    const text = 'It fell C$ 0.45 and HK$ 2 in U.S .';
    const { layers } = segmentStage.run(createArticle(text, EMPTY_META), undefined);
    const words = (layers.tokens ?? []).map((t) => text.slice(t.start, t.end));
    expect(words).toEqual(['It', 'fell', 'C$', '0.45', 'and', 'HK$', '2', 'in', 'U.S', '.']);
  });
});

it('does not end a sentence after the number of a list item', () => {
  expect(sentencesOf('8. Maarten den Bakker ( Netherlands ) TVM 1:33')).toEqual(['8. Maarten den Bakker ( Netherlands ) TVM 1:33']);
  expect(sentencesOf('The score was 8. Maarten left.')).toEqual(['The score was 8.', 'Maarten left.']);
});
