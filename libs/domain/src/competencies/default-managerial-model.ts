import type { CompetencyModel } from './competency-model.js';

/**
 * mentorflow's default managerial competency model (our own wording). Job levels: M1 first-line
 * manager, M2 manager of managers, M3 senior leader. Companies adapt it by publishing a new version.
 */
/** Key of the model used when a request names none. */
export const DEFAULT_MODEL_KEY = 'managerial-core';

export const DEFAULT_MANAGERIAL_MODEL: Omit<CompetencyModel, 'version'> = {
  key: DEFAULT_MODEL_KEY,
  name: 'Core managerial competencies',
  competencies: [
    {
      key: 'delegation',
      name: 'Delegation',
      theme: 'Leading the team',
      description: 'Entrusts work with the right level of autonomy and follows it up without taking it back.',
      levels: [
        'Does most of the work personally; hands over only simple tasks with step-by-step instructions.',
        'Delegates whole tasks but checks often and tends to take them back when they slip.',
        'Matches what is delegated to each person’s skill and will; agrees on outcomes and check-in points.',
        'Delegates decisions as well as tasks; uses delegation deliberately to grow people.',
        'Builds a team that organises its own work; other managers copy how the team shares responsibility.',
      ],
    },
    {
      key: 'feedback',
      name: 'Giving feedback',
      theme: 'Leading the team',
      description: 'Gives timely, specific feedback on behaviour and its effect, and asks for feedback in return.',
      levels: [
        'Gives feedback rarely, mostly at yearly reviews, often in general terms.',
        'Gives feedback when something goes wrong; praise and criticism are not balanced.',
        'Gives specific feedback soon after the facts, on behaviour and impact, positive and corrective.',
        'Makes feedback a habit in the team, asks for it on their own management and acts on it.',
        'Coaches other managers on feedback; the team gives each other feedback without prompting.',
      ],
    },
    {
      key: 'conflict',
      name: 'Handling conflict',
      theme: 'Leading the team',
      description: 'Notices tensions early, brings them into the open and leads people to a workable agreement.',
      levels: [
        'Avoids conflicts or lets them escalate before acting.',
        'Steps in when asked, mostly by arbitrating.',
        'Addresses tensions early, listens to each side and helps them reach an agreement.',
        'Turns disagreements into better decisions; handles conflicts across teams.',
        'Is called on to mediate difficult conflicts elsewhere in the company.',
      ],
    },
    {
      key: 'change',
      name: 'Leading change',
      theme: 'Driving results',
      description: 'Explains why a change matters, involves the team and keeps it going until it holds.',
      levels: [
        'Passes changes on as instructions, without explaining them.',
        'Explains changes but underestimates resistance and follow-through.',
        'Explains the why, involves the team in the how, and tracks adoption.',
        'Anticipates resistance, adapts the plan with the team, and makes the change last.',
        'Initiates changes that others then adopt; recognised as a change leader.',
      ],
    },
    {
      key: 'developing-people',
      name: 'Developing people',
      theme: 'Leading the team',
      description: 'Knows where each person wants to go and creates the experiences that get them there.',
      levels: [
        'Leaves development to HR and training catalogues.',
        'Discusses development at reviews; follow-up is occasional.',
        'Agrees on a development plan with each person and gives them stretching assignments.',
        'Grows successors; people from the team are promoted or move on to bigger roles.',
        'Known across the company as a developer of talent; mentors other managers.',
      ],
    },
    {
      key: 'strategic-alignment',
      name: 'Strategic alignment',
      theme: 'Driving results',
      description: 'Links the team’s priorities to the company’s strategy and adjusts them when it moves.',
      levels: [
        'Focuses on the team’s own tasks; struggles to link them to company goals.',
        'Knows the company goals and passes them on.',
        'Translates strategy into team priorities and explains the link to each person.',
        'Challenges priorities with evidence from the field; feeds field reality back upward.',
        'Helps shape the strategy of their area.',
      ],
    },
    {
      key: 'decision-making',
      name: 'Decision making',
      theme: 'Driving results',
      description: 'Decides in time with the information available, involves the right people and owns the outcome.',
      levels: [
        'Postpones decisions or passes them upward.',
        'Decides on routine matters; hesitates when the stakes or the uncertainty grow.',
        'Decides in time, with the right people involved, and explains the reasons.',
        'Makes sound calls under uncertainty and revisits them openly when facts change.',
        'Sets how decisions are made in the area; others seek their judgement.',
      ],
    },
    {
      key: 'collaboration',
      name: 'Cross-team collaboration',
      theme: 'Working across the company',
      description: 'Builds working relationships beyond the team and gets things done across boundaries.',
      levels: [
        'Works mostly within the team; sees other teams as obstacles.',
        'Cooperates with other teams when asked.',
        'Seeks out the teams that matter for the results and sets up ways of working with them.',
        'Solves cross-team problems before they escalate; shares resources when the company gains.',
        'Builds networks across the company that others rely on.',
      ],
    },
  ],
  targets: {
    M1: {
      delegation: 3,
      feedback: 3,
      conflict: 3,
      change: 2,
      'developing-people': 3,
      'strategic-alignment': 2,
      'decision-making': 3,
      collaboration: 2,
    },
    M2: {
      delegation: 4,
      feedback: 4,
      conflict: 3,
      change: 3,
      'developing-people': 4,
      'strategic-alignment': 3,
      'decision-making': 4,
      collaboration: 3,
    },
    M3: {
      delegation: 4,
      feedback: 4,
      conflict: 4,
      change: 4,
      'developing-people': 4,
      'strategic-alignment': 4,
      'decision-making': 4,
      collaboration: 4,
    },
  },
};
