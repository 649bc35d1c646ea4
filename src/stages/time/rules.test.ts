import { describe, expect, it } from 'vitest';
import { createArticle } from '../../article/article.js';
import type { Timex } from '../../article/layers.js';
import { EMPTY_META } from '../../article/meta.js';
import { createPipeline } from '../../pipeline/pipeline.js';
import { segmentStage } from '../segment/stage.js';
import { timeStage } from './stage.js';

const pipeline = createPipeline([segmentStage, timeStage]);
const found = (text: string, published: string): Array<[string, string, string]> =>
  (pipeline.run(createArticle(text, { ...EMPTY_META, published, language: 'en' })).layers.timexes ?? []).map((t: Timex) => [t.text, t.type, t.value]);

// Note: one case or more for each rule added from the TBAQ error classes (eval/timeml-errors.ts).
describe('time rules from the TBAQ error classes', () => {
  it('takes a weekday and the date after it as one expression, valued by the date', () => {
    expect(found('The Times said in an editorial on Monday, Oct. 26: the murder was a crime.', '1998-10-25')).toEqual([['Monday, Oct. 26', 'DATE', '1998-10-26']]);
  });

  it('takes each "a year earlier" after a quarter as that quarter of the year before, not of the year before that', () => {
    const text = 'Profit rose in the third quarter. Sales rose 5% from a year earlier. Net was $2 million a year earlier.';
    expect(found(text, '1989-10-26').map((t) => t[2])).toEqual(['1989-Q3', '1988-Q3', '1988-Q3']);
  });

  it('reads spoken years, ordinal centuries and decades in words', () => {
    expect(found('The bombing came in nineteen ninety-six in Atlanta.', '1998-01-10')).toEqual([['nineteen ninety-six', 'DATE', '1996']]);
    expect(found('It was cold in the winter of nineteen ninety-four.', '1998-01-10')).toEqual([['the winter of nineteen ninety-four', 'DATE', '1994-WI']]);
    expect(found('Unemployment is to halve by the year two thousand.', '1998-01-10')).toEqual([['the year two thousand', 'DATE', '2000']]);
    expect(found('They sent two thousand troops.', '1998-01-10')).toEqual([]);
    expect(found('She is a 20th century democrat.', '1998-01-10')).toEqual([['20th century', 'DATE', '19']]);
    expect(found('Hate groups dropped through the nineties.', '1998-01-10')).toEqual([['the nineties', 'DATE', '199']]);
  });

  it('dates the year, the fiscal year and the year-end by the article, and a year ended as a duration', () => {
    expect(found('For the year, volume was flat.', '1989-11-02')).toEqual([['the year', 'DATE', '1989']]);
    expect(found('Sales in the latest fiscal year rose.', '1989-11-02')).toEqual([['the latest fiscal year', 'DATE', '1988']]);
    expect(found('It will cut 6,000 jobs by year-end.', '1989-11-02')).toEqual([['year-end', 'DATE', '1989']]);
    expect(found('For the year ended Sept. 30, it earned $1 billion.', '1989-11-02')[0]).toEqual(['the year', 'DURATION', 'P1Y']);
    expect(found('It was up from the year before.', '1989-11-02')).toEqual([]);
  });

  it('takes "later that year" and "that same day" from the date last mentioned', () => {
    expect(found('He fled in June 1995 and returned later that year.', '1998-02-01')).toEqual([['June 1995', 'DATE', '1995-06'], ['later that year', 'DATE', '1995']]);
    expect(found('He was shot on Oct. 23, 1998. Earlier that day, the family sent a fax.', '1999-04-19')[1]).toEqual(['Earlier that day', 'DATE', '1998-10-23']);
  });

  it('reads "the near future" and "coming months" as future references', () => {
    expect(found('It may sell the unit in the near future.', '1989-11-02')).toEqual([['the near future', 'DATE', 'FUTURE_REF']]);
    expect(found('The economy will slow in coming months.', '1998-11-02')).toEqual([['coming months', 'DATE', 'FUTURE_REF']]);
  });

  it('never takes "last Wednesday" on a Wednesday as that day', () => {
    expect(found('Orkem said last Wednesday that they talked.', '1989-11-01')).toEqual([['last Wednesday', 'DATE', '1989-10-25']]);
  });

  it('counts "the previous Friday" and "the following year" from the date last mentioned', () => {
    expect(found('The index closed on Oct. 27, down 4% from the previous Friday.', '1989-10-30').map((t) => t[2])).toEqual(['1989-10-27', '1989-10-20']);
    expect(found('He was promoted in 1995, and the following year he was posted abroad.', '1998-04-18').map((t) => t[2])).toEqual(['1995', '1996']);
  });

  it('does not read "next to" or a plan in the past perfect as the future', () => {
    expect(found('Bombs exploded next to the embassies on Friday.', '1998-08-08')).toEqual([['Friday', 'DATE', '1998-08-07']]);
    expect(found('The offer had been due to expire Friday.', '1989-10-30')).toEqual([['Friday', 'DATE', '1989-10-27']]);
  });

  it('dates a month far ahead as last year\'s when its clause is in the past tense', () => {
    expect(found('In March, American Medical received a bid.', '1989-10-27')).toEqual([['March', 'DATE', '1989-03']]);
    expect(found('The company will report in March.', '1989-10-27')).toEqual([['March', 'DATE', '1990-03']]);
    expect(found('It agreed to pay the loan by December.', '1989-10-27')).toEqual([['December', 'DATE', '1989-12']]);
  });

  it('dates the weekend, holidays and seasons without a year', () => {
    expect(found('Over the weekend, officials met.', '1989-10-30')).toEqual([['the weekend', 'DATE', '1989-W43-WE']]);
    expect(found('Elian was found on Thanksgiving Day off Florida.', '2000-01-07')).toEqual([['Thanksgiving Day', 'DATE', '1999-11-25']]);
    expect(found('Voters go to the polls on Election Day.', '1998-10-25').map((t) => t[2])).toEqual(['1998-11-03']);
    expect(found('Over the summer, rivals cut prices.', '1989-10-27')).toEqual([['the summer', 'DATE', '1989-SU']]);
    expect(found('It marked the fall of the regime.', '1989-10-27')).toEqual([]);
  });

  it('keeps "earlier" and "later" with the day they qualify, as TimeML marks them', () => {
    expect(found('Earlier yesterday, the shares fell.', '1989-11-01')).toEqual([['Earlier yesterday', 'DATE', '1989-10-31']]);
  });

  it('reads "last Oct. 23" as the date, and "effective Feb. 1" as a date to come', () => {
    expect(found('He was shot to death last Oct. 23 at his home.', '1999-04-19')).toEqual([['Oct. 23', 'DATE', '1998-10-23']]);
    expect(found('It created an office of the chairman, effective Feb. 1.', '1989-10-26')).toEqual([['Feb. 1', 'DATE', '1990-02-01']]);
    expect(found('The office was created Feb. 1.', '1989-10-26')).toEqual([['Feb. 1', 'DATE', '1989-02-01']]);
  });

  it('keeps capitalised time words that start a sentence or a quotation, not those in a title', () => {
    expect(found('Talks ended. Last week, officials met.', '1989-10-30').map((t) => t[0])).toEqual(['Last week']);
    expect(found('"Today, we won," he said.', '1989-10-30').map((t) => t[0])).toEqual(['Today']);
    expect(found('This is VOA Today.', '1998-03-31')).toEqual([]);
  });

  it('reads midday, mid-afternoon and overnight as times of the article\'s day', () => {
    expect(found('He will appear before a judge at midday.', '1999-10-08')).toEqual([['midday', 'TIME', '1999-10-08T12:00']]);
    expect(found('By mid afternoon, sources said the fighting had stopped.', '1998-03-06')).toEqual([['mid afternoon', 'TIME', '1998-03-06TAF']]);
  });

  it('writes halves in the next smaller unit', () => {
    expect(found('They spent about 5 1/2 hours in Nairobi.', '1998-08-17')).toEqual([['about 5 1/2 hours', 'DURATION', 'PT5H30M']]);
    expect(found('They lived in camps for 2 1/2 years.', '1998-08-17')).toEqual([['2 1/2 years', 'DURATION', 'P2Y6M']]);
    expect(found('A minute and a half later, a pilot landed.', '1998-08-17')).toEqual([['A minute and a half', 'DURATION', 'PT1M30S']]);
  });

  it('dates "the past year" and "the next year or so" as the unit before or after, but spans one after a perfect', () => {
    expect(found('Hate groups grew in the United States over the past year.', '1998-03-03')).toEqual([['the past year', 'DATE', '1997']]);
    expect(found('The plant will be closed over the next year or so.', '1989-11-02')).toEqual([['the next year or so', 'DATE', '1990']]);
    expect(found('Prices have doubled over the past decade.', '1998-03-03')).toEqual([['the past decade', 'DURATION', 'P10Y']]);
  });

  it('takes a quantity with "more", "additional" or "trading" before its unit as one duration', () => {
    expect(found('He would stay two more weeks in Miami.', '2000-04-03')).toEqual([['two more weeks', 'DURATION', 'P2W']]);
    expect(found('Stocks fell for eight trading days.', '1989-10-30')).toEqual([['eight trading days', 'DURATION', 'P8D']]);
    expect(found('It needs an additional year of work.', '1989-10-30')).toEqual([['an additional year', 'DURATION', 'P1Y']]);
  });

  it('reads the tense of a month alone from the earlier clause when its own has no verb', () => {
    expect(found('He stepped down as chairman, president and chief executive in March for health reasons.', '1989-11-02')).toEqual([['March', 'DATE', '1989-03']]);
    expect(found('The chairman, who is 64, will step down in March.', '1989-11-02')).toEqual([['March', 'DATE', '1990-03']]);
  });

  it('reads "set to" as a plan: the weekday after it is the coming one', () => {
    expect(found('The peace talks are set to resume Monday in Belfast.', '1998-03-22')).toEqual([['Monday', 'DATE', '1998-03-23']]);
  });
});

describe('the quarter under discussion', () => {
  it('takes "the quarter", "the 1988 quarter" and "the year-ago quarter" from the first quarter the article names', () => {
    const text = 'Sun earned $20 million in the fiscal first quarter. Sales rose in the quarter. In the 1988 quarter, it lost money. The loss in the year-ago quarter was large.';
    expect(found(text, '1989-10-26').map((t) => [t[0], t[2]])).toEqual([['the fiscal first quarter', '1989-Q1'], ['the quarter', '1989-Q1'], ['the 1988 quarter', '1988-Q1'], ['the year-ago quarter', '1988-Q1']]);
  });

  it('keeps to the anchor where no quarter was named', () => {
    expect(found('Sales rose in the quarter.', '1989-10-26').map((t) => t[2])).toEqual(['1989-Q3']);
  });
});

describe('clock times in narrative', () => {
  it('puts a clock time without its own date on the day last named, else on the article\'s day', () => {
    expect(found('He was shot on Oct. 23, 1998. The sniper fired at 10 p.m. from the woods.', '1999-04-19').map((t) => t[2])).toEqual(['1998-10-23', '1998-10-23T22:00']);
    expect(found('The meeting starts at 10 a.m. in Paris.', '1999-04-19').map((t) => t[2])).toEqual(['1999-04-19T10:00']);
  });
});

describe('the governing verb of a fronted clause', () => {
  it('reads the tense of "In January, ..." from the first later clause with a verb', () => {
    expect(found('In January, a week after the anniversary, a bomb exploded at a clinic.', '1998-10-25').map((t) => [t[0], t[2]])).toEqual([['January', '1998-01'], ['a week', 'P1W']]);
    expect(found('In January, a week after the anniversary, the clinic will reopen.', '1998-10-25').map((t) => t[2])[0]).toEqual('1999-01');
  });
});

describe('parts of a named day', () => {
  it('codes a weekday\'s evening or afternoon as a time of that day, and keeps a morning or night the day', () => {
    expect(found('A woman was killed Thursday evening in a laundromat.', '1998-02-12')).toEqual([['Thursday evening', 'TIME', '1998-02-12TEV']]);
    expect(found('Talks resumed Friday morning in Nairobi.', '1998-08-08')).toEqual([['Friday morning', 'DATE', '1998-08-07']]);
  });
});

describe('small forms of durations, years and generic days', () => {
  it('reads "decades-long" and "day-long" as durations, and "for a while" as one of no stated length', () => {
    expect(found('It is the government\'s decades-long battle with exiles.', '2000-01-15')).toEqual([['decades-long', 'DURATION', 'PXY']]);
    expect(found('They left their third day-long meeting.', '2000-04-03')).toEqual([['day-long', 'DURATION', 'P1D']]);
    expect(found('They will have to live without it for a while.', '1998-01-11')).toEqual([['a while', 'DURATION', 'PXX']]);
    expect(found('He ate while they talked.', '1998-01-11')).toEqual([]);
  });

  it('takes the year of "post-1959" and leaves "today\'s youth" and "the people of tomorrow" untagged', () => {
    expect(found('The post-1959 politics split families.', '2000-02-24').map((t) => t[2])).toEqual(['1959']);
    expect(found('The case is for today\'s youth what the war was for theirs.', '2000-01-15')).toEqual([]);
    expect(found('I would have chosen the people of tomorrow.', '2000-01-15')).toEqual([]);
    expect(found('Today\'s meeting was cancelled.', '2000-01-15').map((t) => t[2])).toEqual(['2000-01-15']);
  });
});

describe('the tense of a subordinate clause', () => {
  it('reads a past subordinate clause in a sentence about the future as past', () => {
    const text = 'Officials said it will take the boy from relatives who have cared for him since he was rescued in late November.';
    expect(found(text, '2000-04-05')).toEqual([['late November', 'DATE', '1999-11']]);
    expect(found('The officials said that talks will resume on Tuesday.', '2000-04-05')).toEqual([['Tuesday', 'DATE', '2000-04-11']]);
  });
});
