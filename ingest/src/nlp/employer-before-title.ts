/**
 * "Bath coach John Connolly", "Gloucester centre Henry Paul", "Yukos chairman Mikhail Khodorkovsky": a name right
 * before a role and a person is who that person plays or works for. The tagger, seeing a capitalised word before
 * a person, often reads it as the person's first name or as another person ("Bath" the surname). Such a name read
 * as a person becomes an organisation. Only roles a person cannot hold for another person count: "Blair aide",
 * "Federer coach" and "Bush adviser" name people.
 */
import type { Token } from './tokenize.js';

/** Roles held in a club, firm or body; lower case, as they stand between the two names. */
const ORGANISATION_ROLES = new Set(
  ('chairman chairwoman chairperson boss captain skipper director manager owner president founder prop centre ' +
    'winger striker midfielder defender goalkeeper keeper fly-half scrum-half full-back flanker hooker lock forward ' +
    'wing number-eight batsman bowler')
    .split(' '),
);

/** Rewrites `tags` in place: a person-tagged name of one or two words before such a role and a person becomes B-ORG. */
export function tagEmployersBeforeTitles(tokens: Token[], tags: string[]): void {
  for (let i = 1; i + 1 < tokens.length; i++) {
    if (!ORGANISATION_ROLES.has(tokens[i]!.text) || tags[i] !== 'O' || tags[i + 1] !== 'B-PER') continue;
    // The person-tagged span that ends right before the role.
    let from = i - 1;
    while (from >= 0 && tags[from] === 'I-PER') from--;
    if (from < 0 || tags[from] !== 'B-PER' || i - from > 2) continue;
    for (let k = from; k < i; k++) tags[k] = k === from ? 'B-ORG' : 'I-ORG';
  }
}
