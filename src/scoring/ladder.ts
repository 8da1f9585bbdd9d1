/**
 * The career ladder the game scores against, as data: five levels, nine dimensions in
 * three groups, and a one-line description of what each level looks like on each
 * dimension during an incident. The debrief and the checker read these tables; no
 * scoring decision depends on the wording.
 */
import { DIMENSIONS, LEVELS, type Dimension, type Level } from '../scenario/schema/index.ts';

export { DIMENSIONS, LEVELS, type Dimension, type Level };

/** The three groups the ladder sorts its dimensions into. */
export type DimensionGroup = 'Skill' | 'Engagement' | 'Coachability';

/** A level's display data. */
export interface LevelInfo {
  id: Level;
  /** 1 (L1) to 5 (L5): the order used by every comparison. */
  rank: number;
  title: string;
  /** What a player at this level does in an incident, in one line. */
  summary: string;
}

/** A dimension's display data. */
export interface DimensionInfo {
  id: Dimension;
  title: string;
  group: DimensionGroup;
  /** The question the dimension answers about the player. */
  question: string;
}

/** The five levels, lowest first. */
export const LEVEL_INFO: Readonly<Record<Level, LevelInfo>> = {
  L1: { id: 'L1', rank: 1, title: 'Junior SRE', summary: 'works from the runbook, avoids making things worse and asks for help early' },
  L2: { id: 'L2', rank: 2, title: 'SRE', summary: 'takes a page alone: follows the procedure, mitigates, keeps people informed' },
  L3: { id: 'L3', rank: 3, title: 'Senior SRE', summary: 'finds the cause behind the symptoms, weighs risk and owns the incident for a service' },
  L4: { id: 'L4', rank: 4, title: 'Lead / Staff SRE', summary: 'coordinates several teams and makes timeboxed calls when the picture is unclear' },
  L5: { id: 'L5', rank: 5, title: 'Principal SRE', summary: 'leads a company-wide response and trades business risk against reliability' },
};

/** The nine dimensions, in ladder order. */
export const DIMENSION_INFO: Readonly<Record<Dimension, DimensionInfo>> = {
  mastery: { id: 'mastery', title: 'Mastery', group: 'Skill', question: 'How well did they read the system and find the cause?' },
  scope: { id: 'scope', title: 'Scope', group: 'Skill', question: 'How far beyond the paged service did they look?' },
  judgment: { id: 'judgment', title: 'Judgment', group: 'Skill', question: 'Did they pick safe, proportionate actions at the right time?' },
  ownership: { id: 'ownership', title: 'Ownership', group: 'Engagement', question: 'Did they take charge of the incident and see it through?' },
  communication: { id: 'communication', title: 'Communication', group: 'Engagement', question: 'Did the right people know what was going on, when they needed to?' },
  planning: { id: 'planning', title: 'Planning', group: 'Engagement', question: 'Did they sequence the work and keep a way back?' },
  flexibility: { id: 'flexibility', title: 'Flexibility', group: 'Engagement', question: 'Did they change course when the facts changed?' },
  trust: { id: 'trust', title: 'Trust', group: 'Engagement', question: 'How much could they be left to act alone, safely?' },
  feedback: { id: 'feedback', title: 'Feedback', group: 'Coachability', question: 'Did they learn from the incident and help others learn?' },
};

/** The groups with their dimensions, in ladder order. */
export const GROUPS: ReadonlyArray<{ group: DimensionGroup; dimensions: readonly Dimension[] }> = [
  { group: 'Skill', dimensions: ['mastery', 'scope', 'judgment'] },
  { group: 'Engagement', dimensions: ['ownership', 'communication', 'planning', 'flexibility', 'trust'] },
  { group: 'Coachability', dimensions: ['feedback'] },
];

/**
 * What each level looks like on each dimension during an incident. Written for this
 * project from the rubric's summary of public SRE career frameworks.
 */
export const LADDER: Readonly<Record<Dimension, Readonly<Record<Level, string>>>> = {
  mastery: {
    L1: 'Starts from the alert: opens the linked dashboard and runbook and reads them.',
    L2: 'Looks at what changed first (deploys, config) and lines up metrics with logs.',
    L3: 'Separates the cause from its symptoms across layers, e.g. canary against control.',
    L4: 'Works out failures nobody has seen before and puts numbers on risk and headroom.',
    L5: 'Spots one underlying cause behind trouble showing up in several places at once.',
  },
  scope: {
    L1: 'Keeps to the service that paged.',
    L2: 'Checks the services directly upstream and downstream.',
    L3: 'Thinks in terms of what customers of the whole product area are feeling.',
    L4: 'Looks at what else shares the failure domain and divides the work between teams.',
    L5: 'Thinks company-wide: contracts and SLAs, other products, public visibility.',
  },
  judgment: {
    L1: 'Adds no harm of their own and checks before doing anything risky.',
    L2: 'Stops the bleeding first with a safe lever such as a rollback or a flag.',
    L3: 'Sets the risk of each move against how fast the budget burns; errs to the higher severity.',
    L4: 'Commits to a decision on incomplete data, with a deadline and a plan B.',
    L5: 'Makes deliberate business trade-offs, such as accepting downtime to keep data safe.',
  },
  ownership: {
    L1: 'Acknowledges quickly and pulls in help early.',
    L2: 'Carries the incident to mitigation, starts the incident record, hands over cleanly.',
    L3: 'Runs the incident for their service as commander and owns the postmortem.',
    L4: 'Commands a response spanning teams and makes sure follow-ups land on schedules.',
    L5: 'Leads responses that matter to the whole company and advises on what is said publicly.',
  },
  communication: {
    L1: 'Says what they saw and what they did.',
    L2: 'Posts regular updates with impact, actions and the time of the next update.',
    L3: 'Shapes each message for its audience; reports condition, actions and needs.',
    L4: 'Runs the incident call and keeps executive pressure from derailing it.',
    L5: 'Frames what customers and executives are told.',
  },
  planning: {
    L1: 'Keeps track of what has been tried.',
    L2: 'Lays out mitigation, how to verify it and what to do if it fails.',
    L3: 'Brings traffic back in steps and puts actions in order of value.',
    L4: 'Arranges handoffs for a long incident and feeds the fixes into team planning.',
    L5: 'Turns patterns across incidents into policy for the organisation.',
  },
  flexibility: {
    L1: 'Lets go of a theory when someone points elsewhere.',
    L2: 'Argues their view, then goes along with the decision once it is made.',
    L3: 'Abandons their own theory as soon as the data disagrees with it.',
    L4: 'Hands over command when they are needed as the expert instead.',
    L5: 'Comes up with a way out the runbook does not have, e.g. a degraded mode or shaping traffic.',
  },
  trust: {
    L1: 'Changes things only once someone has approved it.',
    L2: 'Carries out runbook steps without supervision.',
    L3: 'Makes production changes under the commander, within the agreed plan.',
    L4: 'Acts on their own and makes other responders\' actions better.',
    L5: 'Stays steady under pressure; leaders follow their call.',
  },
  feedback: {
    L1: 'Asks for a debrief afterwards.',
    L2: 'Adds what they know to the postmortem.',
    L3: 'Gives specific, blame-free feedback to the people involved.',
    L4: 'Is the person others come to for the hard calls.',
    L5: 'Builds the ways the organisation learns from its incidents.',
  },
};

/** 1 for L1 … 5 for L5. */
export function rank(level: Level): number {
  return LEVEL_INFO[level].rank;
}

/** The level with this rank (clamped to L1…L5). */
export function levelOfRank(r: number): Level {
  return LEVELS[Math.min(LEVELS.length, Math.max(1, Math.floor(r))) - 1] as Level;
}

/** "L3 Senior SRE". */
export function levelLabel(level: Level): string {
  return `${level} ${LEVEL_INFO[level].title}`;
}
