/**
 * Verb phrases per PLOVER type, written from the PLOVER manual's definitions (data/events/plover/README.md),
 * as `base|3sg|past|participle rest`, where `{T}` is the target; and templates of non-events, with the trigger
 * marked `<v>`, for the NONE class. Read by scripts/write-plover-examples.ts.
 */

/** The verb phrases of each type. */
export const PHRASES: Readonly<Record<string, readonly string[]>> = {
  AGREE: [
    'agree|agrees|agreed|agreed to a ceasefire with {T}', 'sign|signs|signed|signed a peace accord with {T}', 'promise|promises|promised|promised to open talks with {T}',
    'offer|offers|offered|offered to negotiate with {T}', 'agree|agrees|agreed|agreed with {T} to resume trade', 'ratify|ratifies|ratified|ratified a treaty with {T}',
    'pledge|pledges|pledged|pledged to cooperate with {T}', 'accept|accepts|accepted|accepted a proposal from {T}', 'reach|reaches|reached|reached an agreement with {T}',
    'commit|commits|committed|committed to a deal with {T}', 'vow|vows|vowed|vowed to work with {T} on border security', 'conclude|concludes|concluded|concluded a trade pact with {T}',
  ],
  CONSULT: [
    'meet|meets|met|met {T}', 'hold|holds|held|held talks with {T}', 'visit|visits|visited|visited {P}', 'host|hosts|hosted|hosted {T}',
    'discuss|discusses|discussed|discussed the crisis with {T}', 'phone|phones|phoned|phoned {T}', 'confer|confers|conferred|conferred with {T}',
    'negotiate|negotiates|negotiated|negotiated with {T}', 'consult|consults|consulted|consulted {T}', 'receive|receives|received|received a delegation from {T}',
    'speak|speaks|spoke|spoken by telephone with {T}', 'travel|travels|traveled|traveled to {P} for talks',
  ],
  SUPPORT: [
    'praise|praises|praised|praised {T}', 'endorse|endorses|endorsed|endorsed {T}', 'back|backs|backed|backed {T} in the dispute', 'defend|defends|defended|defended {T}',
    'welcome|welcomes|welcomed|welcomed the decision by {T}', 'express|expresses|expressed|expressed support for {T}', 'commend|commends|commended|commended {T}',
    'recognize|recognizes|recognized|recognized {T}', 'apologize|apologizes|apologized|apologized to {T}', 'thank|thanks|thanked|thanked {T}',
    'voice|voices|voiced|voiced solidarity with {T}', 'congratulate|congratulates|congratulated|congratulated {T}',
  ],
  COOPERATE: [
    'cooperate|cooperates|cooperated|cooperated with {T} on security', 'share|shares|shared|shared intelligence with {T}', 'conduct|conducts|conducted|conducted joint exercises with {T}',
    'work|works|worked|worked with {T} to fight smuggling', 'resume|resumes|resumed|resumed diplomatic relations with {T}', 'establish|establishes|established|established diplomatic ties with {T}',
    'extradite|extradites|extradited|extradited a suspect to {T}', 'join|joins|joined|joined forces with {T}', 'coordinate|coordinates|coordinated|coordinated patrols with {T}',
    'open|opens|opened|opened an embassy in {P}', 'sell|sells|sold|sold fighter jets to {T}', 'normalize|normalizes|normalized|normalized relations with {T}',
  ],
  AID: [
    'send|sends|sent|sent humanitarian aid to {T}', 'provide|provides|provided|provided food to {T}', 'give|gives|gave|given $50 million in assistance to {T}',
    'deliver|delivers|delivered|delivered medical supplies to {T}', 'donate|donates|donated|donated vaccines to {T}', 'supply|supplies|supplied|supplied weapons to {T}',
    'grant|grants|granted|granted asylum to {T}', 'lend|lends|lent|lent money to {T}', 'airlift|airlifts|airlifted|airlifted relief goods to {P}',
    'dispatch|dispatches|dispatched|dispatched peacekeepers to {P}', 'train|trains|trained|trained troops of {T}', 'fund|funds|funded|funded reconstruction in {P}',
  ],
  YIELD: [
    'withdraw|withdraws|withdrew|withdrawn troops from {P}', 'release|releases|released|released prisoners held by {T}', 'free|frees|freed|freed hostages of {T}',
    'ease|eases|eased|eased restrictions on {T}', 'lift|lifts|lifted|lifted the blockade of {T}', 'return|returns|returned|returned seized land to {T}',
    'concede|concedes|conceded|conceded defeat to {T}', 'surrender|surrenders|surrendered|surrendered to {T}', 'hand|hands|handed|handed over the suspects to {T}',
    'allow|allows|allowed|allowed inspectors from {P} into the country', 'pull|pulls|pulled|pulled its forces out of {P}', 'yield|yields|yielded|yielded to demands from {T}',
  ],
  REQUEST: [
    'ask|asks|asked|asked {T} for help', 'urge|urges|urged|urged {T} to resume talks', 'call|calls|called|called on {T} to release the detainees',
    'appeal|appeals|appealed|appealed to {T} for aid', 'request|requests|requested|requested assistance from {T}', 'demand|demands|demanded|demanded that {T} withdraw its troops',
    'press|presses|pressed|pressed {T} to hold elections', 'seek|seeks|sought|sought support from {T}', 'invite|invites|invited|invited {T} to join the talks',
    'plead|pleads|pleaded|pleaded with {T} to stop the fighting', 'petition|petitions|petitioned|petitioned {T} for a hearing', 'implore|implores|implored|implored {T} to act',
  ],
  ACCUSE: [
    'accuse|accuses|accused|accused {T} of war crimes', 'criticize|criticizes|criticized|criticized {T}', 'condemn|condemns|condemned|condemned {T}',
    'blame|blames|blamed|blamed {T} for the attack', 'denounce|denounces|denounced|denounced {T}', 'charge|charges|charged|charged {T} with corruption',
    'sue|sues|sued|sued {T}', 'investigate|investigates|investigated|investigated {T}', 'indict|indicts|indicted|indicted {T} on fraud charges',
    'rebuke|rebukes|rebuked|rebuked {T}', 'convict|convicts|convicted|convicted {T} of espionage', 'file|files|filed|filed a complaint against {T}',
  ],
  REJECT: [
    'reject|rejects|rejected|rejected a proposal from {T}', 'refuse|refuses|refused|refused to meet {T}', 'dismiss|dismisses|dismissed|dismissed the demands of {T}',
    'deny|denies|denied|denied the request of {T}', 'veto|vetoes|vetoed|vetoed a resolution by {T}', 'turn|turns|turned|turned down an offer from {T}',
    'spurn|spurns|spurned|spurned {T}', 'defy|defies|defied|defied {T}', 'oppose|opposes|opposed|opposed the plan of {T}',
    'boycott|boycotts|boycotted|boycotted talks with {T}', 'refuse|refuses|refused|refused to cooperate with {T}', 'rebuff|rebuffs|rebuffed|rebuffed {T}',
  ],
  THREATEN: [
    'threaten|threatens|threatened|threatened {T} with sanctions', 'warn|warns|warned|warned {T} of retaliation', 'threaten|threatens|threatened|threatened to attack {T}',
    'issue|issues|issued|issued an ultimatum to {T}', 'threaten|threatens|threatened|threatened to expel diplomats of {T}', 'warn|warns|warned|warned {T} against any incursion',
    'vow|vows|vowed|vowed to retaliate against {T}', 'threaten|threatens|threatened|threatened to cut off aid to {T}', 'menace|menaces|menaced|menaced {T}',
    'threaten|threatens|threatened|threatened to sue {T}', 'warn|warns|warned|warned that it would strike {T}', 'threaten|threatens|threatened|threatened {T} with military action',
  ],
  PROTEST: [
    'protest|protests|protested|protested against {T}', 'demonstrate|demonstrates|demonstrated|demonstrated outside the embassy of {T}', 'march|marches|marched|marched against {T}',
    'rally|rallies|rallied|rallied against {T}', 'stage|stages|staged|staged a strike against {T}', 'picket|pickets|picketed|picketed the offices of {T}',
    'hold|holds|held|held a sit-in against {T}', 'stage|stages|staged|staged a hunger strike against {T}', 'protest|protests|protested|protested outside the headquarters of {T}',
    'block|blocks|blocked|blocked roads in protest against {T}', 'riot|riots|rioted|rioted over the policies of {T}', 'boycott|boycotts|boycotted|boycotted the products of {T}',
  ],
  SANCTION: [
    'impose|imposes|imposed|imposed sanctions on {T}', 'expel|expels|expelled|expelled diplomats of {T}', 'recall|recalls|recalled|recalled its ambassador from {P}',
    'sever|severs|severed|severed ties with {T}', 'freeze|freezes|froze|frozen the assets of {T}', 'ban|bans|banned|banned imports from {P}',
    'suspend|suspends|suspended|suspended aid to {T}', 'cut|cuts|cut|cut diplomatic relations with {T}', 'halt|halts|halted|halted arms sales to {T}',
    'impose|imposes|imposed|imposed an embargo on {T}', 'blacklist|blacklists|blacklisted|blacklisted {T}', 'close|closes|closed|closed its embassy in {P}',
  ],
  MOBILIZE: [
    'mobilize|mobilizes|mobilized|mobilized troops on the border with {P}', 'deploy|deploys|deployed|deployed warships near {P}', 'mass|masses|massed|massed tanks near {P}',
    'put|puts|put|put its forces on alert against {T}', 'move|moves|moved|moved missiles closer to {P}', 'call|calls|called|called up reservists as tensions with {T} rose',
    'raise|raises|raised|raised its alert level over {T}', 'send|sends|sent|sent reinforcements to the frontier with {P}', 'station|stations|stationed|stationed bombers near {P}',
    'fortify|fortifies|fortified|fortified its border with {P}', 'test|tests|tested|tested a missile in a warning to {T}', 'increase|increases|increased|increased its military presence near {P}',
  ],
  COERCE: [
    'arrest|arrests|arrested|arrested {T}', 'detain|detains|detained|detained {T}', 'deport|deports|deported|deported {T}', 'seize|seizes|seized|seized property of {T}',
    'raid|raids|raided|raided the offices of {T}', 'ban|bans|banned|banned {T} from the election', 'jail|jails|jailed|jailed {T}', 'confiscate|confiscates|confiscated|confiscated the ships of {T}',
    'censor|censors|censored|censored {T}', 'impose|imposes|imposed|imposed a curfew on {T}', 'expel|expels|expelled|expelled {T} from the country', 'crack|cracks|cracked|cracked down on {T}',
  ],
  ASSAULT: [
    'attack|attacks|attacked|attacked {T}', 'bomb|bombs|bombed|bombed {T}', 'shell|shells|shelled|shelled positions of {T}', 'kill|kills|killed|killed soldiers of {T}',
    'fire|fires|fired|fired rockets at {T}', 'invade|invades|invaded|invaded {T}', 'ambush|ambushes|ambushed|ambushed a convoy of {T}', 'strike|strikes|struck|struck targets in {P}',
    'shoot|shoots|shot|shot down a drone of {T}', 'assassinate|assassinates|assassinated|assassinated a commander of {T}', 'clash|clashes|clashed|clashed with {T}',
    'launch|launches|launched|launched air strikes against {T}',
  ],
};

/** Sentences whose marked trigger is not an event: the NONE class. `{S}` and `{T}` are actors. */
export const NON_EVENTS: readonly string[] = [
  'the <v>armed</v> forces of {S} held a parade on national day.', 'missiles <v>aimed</v> at {T} were shown on television in {S}.',
  'shares of the largest bank of {S} fell as the <v>stock</v> market slid.', 'the <v>stock</v> of a company based in {S} rose 4 percent on Monday.',
  'the <v>wounded</v> soldiers of {S} were taken to a hospital.', 'a former president of {S} <v>died</v> on Sunday at the age of 82.',
  'officials in {S} <v>said</v> the economy grew by 3 percent last year.', '<v>using</v> satellite images, analysts in {S} counted new buildings.',
  '{S} <v>is</v> the largest producer of rice in the region.', '{S} <v>has</v> a population of about 40 million people.',
  'the national team of {S} <v>beat</v> {T} 3-1 in a World Cup qualifier.', 'the football team of {S} <v>played</v> {T} to a goalless draw.',
  'the central bank of {S} <v>raised</v> interest rates by a quarter point.', 'a telecoms company from {S} <v>launched</v> a new smartphone.',
  'the <v>proposed</v> budget of {S} runs to 300 pages.', 'the <v>holding</v> company of a bank in {S} reported higher profits.',
  'the economy of {S} <v>expanded</v> faster than expected.', 'voters in {S} <v>went</v> to the polls in the rain.',
  'the <v>armed</v> police of {S} guarded the stadium.', 'an <v>aimed</v> shot from a striker of {S} hit the post against {T}.',
  'the <v>stock</v> exchange of {S} closed higher on Friday.', 'the weather service of {S} <v>forecast</v> heavy snow.',
  'a spokesman for {S} <v>declined</v> to comment on the weather.', 'a report from {S} <v>showed</v> exports rising for a third month.',
  'tourists from {S} <v>visited</v> the museum in large numbers.', 'the film from {S} <v>won</v> the top prize at the festival.',
  'the <v>trade</v> figures of {S} improved in March.', 'the <v>attack</v> helicopter of {S} was shown at the air show.',
  'farmers in {S} <v>harvested</v> a record crop.', 'the capital of {S} <v>hosted</v> a marathon on Sunday.',
];

/** Actors, sources and targets alike: states, leaders, organisations and groups. */
export const ACTORS: readonly string[] = [
  'France', 'Germany', 'Russia', 'China', 'India', 'Pakistan', 'Iran', 'Israel', 'Turkey', 'Egypt', 'Japan', 'South Korea', 'North Korea', 'Brazil',
  'Mexico', 'Nigeria', 'Kenya', 'Ethiopia', 'Ukraine', 'Poland', 'Syria', 'Iraq', 'Saudi Arabia', 'the United States', 'the United Kingdom', 'Canada',
  'the European Union', 'the United Nations', 'NATO', 'the African Union', 'the Taliban', 'Hamas', 'the rebels', 'the army', 'the police', 'the government',
  'President Emmanuel Macron', 'Prime Minister Narendra Modi', 'Chancellor Olaf Scholz', 'the foreign ministry of Japan', 'Venezuelan opposition leaders',
  'the Kurdish militia', 'the Afghan government', 'Colombian troops', 'the Sudanese army', 'the Red Cross', 'Amnesty International', 'the Philippine coast guard',
  'Greek officials', 'the Indonesian navy', 'the Chilean government', 'Vietnamese authorities', 'the Lebanese cabinet', 'the Serbian president',
];

/** What may follow the clause, by tense: a date, an attribution. */
export const TAILS: Readonly<Record<string, readonly string[]>> = {
  past: ['', '', '', ' on Tuesday', ' last week', ' on Friday', ', officials said', ' earlier this month', ', according to state media', ' after weeks of tension', ' yesterday'],
  present: ['', '', ', officials say', ' this week', ', state media report'],
  perfect: ['', '', ', officials said', ' this week', ', according to state media', ' in recent days'],
  future: ['', '', ' next week', ' soon', ' later this year', ', officials said'],
};

/** The first actors of {@link ACTORS}, states, for places (`troops near {P}`) and non-events. */
export const STATE_COUNT = 26;
