/**
 * @file Renders the chosen job and the list of similar jobs.
 */

import { h, replaceChildren } from './dom.js';
import { formatCount, formatPayChange, formatPercent, formatPounds, plural } from './format.js';

/**
 * @typedef {object} SkillRef
 * @property {string} id
 * @property {string} label
 * @property {'skill'|'knowledge'} kind
 * @property {boolean} green
 */

/**
 * @typedef {object} OccupationDetail
 * @property {string} id
 * @property {string} label
 * @property {string[]} altLabels
 * @property {string} isco
 * @property {string} iscoLabel
 * @property {string} description
 * @property {number} [jobZone]
 * @property {number} [annualEarnings]
 * @property {SkillRef[]} essentialSkills
 * @property {SkillRef[]} optionalSkills
 */

/**
 * @typedef {object} SimilarOccupation
 * @property {string} id
 * @property {string} label
 * @property {string} isco
 * @property {string} iscoLabel
 * @property {string} description
 * @property {number} score 0..1
 * @property {number} [jobZone]
 * @property {number} [annualEarnings]
 * @property {number} [payChange] fraction relative to the current job
 * @property {SkillRef[]} sharedEssential
 * @property {SkillRef[]} missingEssential
 * @property {number} sharedOptionalCount
 */

/** How many skills to list before folding the rest into "and N more". */
export const SKILLS_SHOWN = 8;

/** The pay wording the summary uses (also checked by the browser tests). */
export const PAY_QUALIFIER = 'indicative UK estimate, 2019, by occupation group';

/**
 * One skill as a list item, with a text badge for green skills (not colour alone).
 * @param {SkillRef} skill
 */
function skillItem(skill) {
  return h('li', { class: 'app-skill-list__item' },
    skill.label,
    skill.green && [' ', h('strong', { class: 'app-tag app-tag--green' }, 'green skill')]);
}

/**
 * A list of skills: the first few shown, the rest in a `<details>` ("and N more …").
 * @param {SkillRef[]} skills
 * @param {string} moreNoun e.g. "skills in common"
 */
function skillList(skills, moreNoun) {
  const shown = skills.slice(0, SKILLS_SHOWN);
  const rest = skills.slice(SKILLS_SHOWN);
  return [
    h('ul', { class: 'app-skill-list' }, shown.map(skillItem)),
    rest.length > 0 && h('details', { class: 'app-details' },
      h('summary', { class: 'app-details__summary' }, `and ${formatCount(rest.length)} more ${moreNoun}`),
      h('ul', { class: 'app-skill-list app-details__text' }, rest.map(skillItem))),
  ];
}

/**
 * A summary-list row.
 * @param {string} key
 * @param {...any} value
 */
function row(key, ...value) {
  return h('div', { class: 'app-summary-list__row' },
    h('dt', { class: 'app-summary-list__key' }, key),
    h('dd', { class: 'app-summary-list__value' }, ...value));
}

/**
 * The ISCO group as people-facing text: "Welders and flamecutters (ISCO 7212)".
 * @param {{isco: string, iscoLabel: string}} o
 */
function iscoText(o) {
  if (!o.iscoLabel) return o.isco ? `ISCO ${o.isco}` : 'Not known';
  return o.isco ? `${o.iscoLabel} (ISCO ${o.isco})` : o.iscoLabel;
}

/**
 * Render the chosen job's summary.
 * @param {HTMLElement} section  has `aria-labelledby="current-job-heading"`
 * @param {OccupationDetail} job
 * @param {{ onPrint?: () => void }} [actions]
 */
export function renderCurrentJob(section, job, actions = {}) {
  const greenCount = job.essentialSkills.filter((s) => s.green).length;
  const pay = typeof job.annualEarnings === 'number'
    ? `${formatPounds(job.annualEarnings)} a year (${PAY_QUALIFIER})`
    : 'Pay not known';
  const also = job.altLabels.filter((l) => l !== job.label).slice(0, 6);
  replaceChildren(section,
    h('h2', { id: 'current-job-heading', class: 'app-heading-l' },
      h('span', { class: 'app-caption-m' }, 'Your current job'), ' ', job.label),
    h('dl', { class: 'app-summary-list' },
      also.length > 0 && row('Also called', also.join(', ')),
      row('Occupation group', iscoText(job)),
      row('What the job involves', job.description || 'No description available.'),
      row('Indicative pay', pay),
      typeof job.jobZone === 'number' && row('Preparation needed', `Level ${job.jobZone} of 5 (O*NET job zone)`),
      row('Essential skills',
        h('p', { class: 'app-summary-list__text' },
          `${plural(job.essentialSkills.length, 'essential skill')}`,
          greenCount > 0 ? `, of which ${plural(greenCount, 'is a green skill', 'are green skills')}` : '',
          job.optionalSkills.length > 0 ? `, and ${plural(job.optionalSkills.length, 'optional skill')}` : '',
          '.'),
        job.essentialSkills.length > 0 && h('details', { class: 'app-details' },
          h('summary', { class: 'app-details__summary' }, 'Show the essential skills for this job'),
          h('ul', { class: 'app-skill-list app-details__text' }, job.essentialSkills.map(skillItem))))),
    actions.onPrint && h('p', { class: 'app-actions' },
      h('button', { type: 'button', class: 'app-button app-button--secondary', 'data-action': 'print' },
        'Print or save this plan')),
  );
  const print = section.querySelector('[data-action="print"]');
  if (print && actions.onPrint) print.addEventListener('click', actions.onPrint);
}

/**
 * Render the ranked list of similar jobs.
 * @param {HTMLElement} section  has `aria-labelledby="results-heading"`
 * @param {OccupationDetail} origin
 * @param {SimilarOccupation[]} similar
 */
export function renderResults(section, origin, similar) {
  const heading = similar.length === 1 ? 'The most similar job' : `${formatCount(similar.length)} most similar jobs`;
  replaceChildren(section,
    h('h2', { id: 'results-heading', class: 'app-heading-l' }, heading),
    h('p', { class: 'app-body' },
      `Ranked by how closely the skills each job needs match the skills listed for your job (${origin.label}). `,
      'Skills marked “green skill” are ones the European Commission’s ESCO classification lists as helping the move to a zero-carbon economy.'),
    h('div', { class: 'app-inset', id: 'pay-caveat' },
      h('p', { class: 'app-inset__text' },
        h('strong', {}, 'Pay figures are estimates. '),
        'They are average UK earnings in 2019 for each job’s whole occupation group (ONS), so jobs in the same group show the same pay. ',
        'Use them to compare jobs, not as what an employer would pay you.')),
    similar.length === 0
      ? h('p', { class: 'app-body' }, 'No similar jobs were found for this job.')
      : h('ol', { class: 'app-results', id: 'results-list' },
        similar.map((job, i) => resultItem(origin, job, i + 1))),
  );
}

/**
 * One similar job, as a list item holding an article.
 * @param {OccupationDetail} origin
 * @param {SimilarOccupation} job
 * @param {number} rank
 */
function resultItem(origin, job, rank) {
  const titleId = `result-${rank}-title`;
  const hasPay = typeof job.annualEarnings === 'number';
  const hasChange = hasPay && typeof job.payChange === 'number' && typeof origin.annualEarnings === 'number';
  const shared = job.sharedEssential;
  const missing = job.missingEssential;
  const sharedOptional = job.sharedOptionalCount ?? 0;
  const percent = formatPercent(job.score);

  return h('li', { class: 'app-result', 'data-id': job.id },
    h('article', { class: 'app-result__article', 'aria-labelledby': titleId },
      h('h3', { class: 'app-result__title', id: titleId },
        h('span', { class: 'app-result__rank' }, `${rank}. `), job.label),
      h('p', { class: 'app-result__group' }, iscoText(job)),
      h('p', { class: 'app-result__similarity' },
        h('meter', { class: 'app-meter', min: 0, max: 1, value: Math.min(1, Math.max(0, job.score)), 'aria-hidden': 'true' }),
        h('span', { class: 'app-result__similarity-text' }, `${percent} similar skills`)),
      h('dl', { class: 'app-result__facts' },
        h('div', { class: 'app-result__fact' },
          h('dt', {}, 'Indicative pay (estimate)'),
          h('dd', {}, hasPay ? `${formatPounds(/** @type {number} */ (job.annualEarnings))} a year` : 'Pay not known')),
        h('div', { class: 'app-result__fact' },
          h('dt', {}, 'Pay compared with your job (estimate)'),
          h('dd', {}, hasChange
            ? formatPayChange(/** @type {number} */ (job.annualEarnings) - /** @type {number} */ (origin.annualEarnings),
              /** @type {number} */ (job.payChange))
            : 'Not known')),
        typeof job.jobZone === 'number' && h('div', { class: 'app-result__fact' },
          h('dt', {}, 'Preparation needed'),
          h('dd', {}, `Level ${job.jobZone} of 5`,
            typeof origin.jobZone === 'number' ? ` (your job: ${origin.jobZone})` : ''))),
      h('div', { class: 'app-result__skills' },
        h('div', { class: 'app-skills app-skills--shared' },
          h('h4', { class: 'app-skills__title', id: `result-${rank}-shared` },
            `Skills in common: ${formatCount(shared.length)}`),
          shared.length > 0
            ? skillList(shared, 'skills in common')
            : h('p', { class: 'app-skills__none' }, 'No essential skills in common.'),
          sharedOptional > 0 && h('p', { class: 'app-skills__extra' },
            `Also ${plural(sharedOptional, 'optional skill')} in common.`)),
        h('div', { class: 'app-skills app-skills--missing' },
          h('h4', { class: 'app-skills__title', id: `result-${rank}-missing` },
            `Skills to gain: ${formatCount(missing.length)}`),
          missing.length > 0
            ? skillList(missing, 'skills to gain')
            : h('p', { class: 'app-skills__none' }, 'None: you already have every essential skill listed for this job.'))),
      job.description && h('details', { class: 'app-details' },
        h('summary', { class: 'app-details__summary' }, h('span', {}, 'About this job'),
          h('span', { class: 'app-visually-hidden' }, `: ${job.label}`)),
        h('p', { class: 'app-details__text' }, job.description))));
}
