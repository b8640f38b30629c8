/**
 * Meetings between two people of one sentence, whatever stands between them: "Trump and North Korean leader
 * Kim Jong-un met", "Moon, who had met Kim at Panmunjom", "Kim stepped over the line ... to shake hands with
 * South Korean President Moon", "Erdoğan agreed ..., after talks with Swedish Prime Minister Kristersson",
 * "At a joint news conference with Macron, Trump said".
 * The neighbouring-pair rules (relation-rules.ts) miss these because a demonym, a title or a whole clause
 * separates the two names. A meeting only wished for, offered or refused ("would be willing to meet") is none.
 */
import type { Relation, Span } from '../../../core/src/model.js';
import type { Slot } from './sentence-slots.js';

/** Further apart than this, the second name is seldom the first one's counterpart. */
const MAX_GAP = 220;

/**
 * Titles, demonyms and names' first words before the counterpart: "North Korean leader", "Foreign Minister".
 * Case matters (no `i` flag): with it, \p{Lu} would match any word.
 */
const TITLED = String.raw`(?:(?:the|a|an|his|her|their)\s+)?(?:(?:\p{Lu}[\p{L}.'’-]*|leader|president|minister|prime|foreign|defence|defense|secretary|chancellor|premier|counterpart|king|queen|crown|prince|envoy|officials\s+including|general)\s+){0,5}`;

/** The gap ends in a meeting with the second person. */
const MEETS_ENDING = new RegExp(
  String.raw`(?<![\p{L}-])(?:met(?:\s+with)?|meets(?:\s+with)?|held\s+talks\s+with|holds\s+talks\s+with|(?:after|during|following|in)\s+(?:talks|a\s+meeting|meetings|a\s+summit)\s+with|shook\s+hands\s+with|shake\s+hands\s+with|shaking\s+hands\s+with|sat\s+down\s+with|discussed\s+[^.;:]{0,60}?\s+with|hosted|welcomed)\s+${TITLED}$`,
  'u',
);

/** "A and B met": the gap is "and" before B's titles, and the meeting verb follows B. */
const AND_TITLED = new RegExp(String.raw`^\s+and\s+${TITLED}$`, 'u');
const MET_AFTER = /^\s+(?:(?:have|has|had|also|then|finally|first)\s+)?(?:met|held\s+talks|talked|shook\s+hands|sat\s+down)\b/i;
const MEETING_BETWEEN_BEFORE = /\b(?:talks|meeting|summit|meetings|negotiations)\s+between\s+(?:the\s+)?[^.;]{0,40}$/i;

/** "At a joint news conference with A on Monday, B said": the first person is named as B's company. */
const WITH_BEFORE = new RegExp(
  String.raw`\b(?:[Aa]t|[Aa]fter|[Dd]uring|[Ff]ollowing)\s+(?:a|the|their)\s+(?:joint\s+)?(?:news|press)\s+conference\s+with\s+${TITLED}$`,
  'u',
);

/** Wished-for, planned, offered, refused or denied meetings, read just before the trigger. */
const NOT_HELD = /\b(?:would|could|might|may|will|shall|willing|ready|plans?|planned|hop(?:e|es|ed|ing)|wants?|wanted|expects?|expected|refus\w*|declin\w*|not|never|no|cancel\w*|postpon\w*|propos\w*|offer\w*|seek\w*|sought|invit\w*|calls?\s+for|called\s+for|urg\w*)\b[^.]{0,25}$/i;

/** MET_WITH for every pair of people in the sentence that these patterns read, in text order. */
export function meetingsIn(text: string, sentence: Span, slots: Slot[]): Relation[] {
  const out: Relation[] = [];
  const evidence = { start: sentence.start, end: sentence.end };
  for (let i = 0; i < slots.length; i++) {
    const a = slots[i]!;
    if (a.type !== 'Person') continue;
    for (let j = i + 1; j < slots.length; j++) {
      const b = slots[j]!;
      if (b.start - a.end > MAX_GAP) break;
      if (b.type !== 'Person') continue;
      if (b.id !== a.id) {
        const gap = text.slice(a.end, b.start);
        const triggered = MEETS_ENDING.exec(gap);
        const before = triggered ? gap.slice(0, triggered.index) : '';
        const ending = triggered !== null && !NOT_HELD.test(before);
        const together =
          AND_TITLED.test(gap) &&
          (MET_AFTER.test(text.slice(b.end, sentence.end)) || MEETING_BETWEEN_BEFORE.test(text.slice(sentence.start, a.start)));
        const company = WITH_BEFORE.test(text.slice(sentence.start, a.start)) && !/[.;:]/.test(gap);
        // "Rooney met Neville's cross", "met Mikoliunas' cross": what was met belongs to the second person.
        const theirs = /^[’'](?:s\b|\s)/u.test(text.slice(b.end, b.end + 3));
        if ((ending || together || company) && !theirs) out.push({ type: 'MET_WITH', source: a.id, target: b.id, evidence });
      }
      // The next person after A is the only one a meeting can reach: "A met B and C" is read by the list rule.
      break;
    }
  }
  return out;
}
