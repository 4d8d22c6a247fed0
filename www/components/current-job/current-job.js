// @ts-check
/**
 * @file Renders the chosen job's summary (the moves are rendered by moves.js).
 */

import { h, replaceChildren } from '../../app/dom.js';
import { formatPounds, plural } from '../../app/format.js';
import { describeWhenOpened, DESCRIPTION_PENDING } from '../job-description/job-description.js';

/**
 * @typedef {import('../../pkg/greenpath.js').SkillRef} SkillRef a skill as `Planner` returns it
 */

/**
 * @typedef {import('../../pkg/greenpath.js').OccupationDetail} OccupationDetail `Planner.occupation`
 */

/**
 * @typedef {object} SimilarOccupation
 * @property {string} id
 * @property {string} label
 * @property {string} isco
 * @property {string} iscoLabel
 * @property {number} score 0..1
 * @property {number} [jobZone]
 * @property {number} [annualEarnings]
 * @property {number} [payChange] fraction relative to the current job
 * @property {SkillRef[]} sharedEssential
 * @property {SkillRef[]} missingEssential
 * @property {number} sharedOptionalCount
 */

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

/** Names of the sources the carbon-intensive evidence links to, by host. */
const SOURCE_NAMES = /** @type {Record<string, string>} */ ({
  'www.ons.gov.uk': 'Office for National Statistics',
  'ons.gov.uk': 'Office for National Statistics',
  'www.gov.uk': 'GOV.UK',
  'www.theccc.org.uk': 'Climate Change Committee',
  'www.iea.org': 'International Energy Agency',
  'esco.ec.europa.eu': 'ESCO (European Commission)',
  'www.onetonline.org': 'O*NET OnLine',
  'www.nesta.org.uk': 'Nesta',
  'www.energylivenews.com': 'Energy Live News',
  'ec.europa.eu': 'European Commission',
});

/**
 * Link text that names a source: "Office for National Statistics (ons.gov.uk)".
 * @param {string} source a URL, or a name
 */
function sourceName(source) {
  try {
    const url = new URL(source);
    const name = SOURCE_NAMES[url.hostname];
    const host = url.hostname.replace(/^www\./, '');
    return name ? `${name} (${host})` : host;
  } catch {
    return source;
  }
}

/**
 * A link to a source, its text naming the publisher ("Nesta (nesta.org.uk)"), or the plain
 * text when it is not a web address.
 * @param {string} source
 * @param {string} [className]
 * @returns {HTMLElement | string}
 */
export function sourceLink(source, className) {
  let isUrl = false;
  try { isUrl = /^https?:$/.test(new URL(source).protocol); } catch { isUrl = false; }
  return isUrl ? h('a', { href: source, rel: 'noreferrer', class: className }, sourceName(source)) : source;
}

/**
 * The notice that the current job is carbon-intensive, with its evidence and source.
 * @param {NonNullable<OccupationDetail['carbon']>} carbon
 */
function carbonNotice(carbon) {
  const category = carbon.category.replace(/_/g, ' ');
  // One line says it; the evidence and its source are one click away, so the moves stay close.
  return h('div', { class: 'app-inset app-inset--carbon', id: 'carbon-notice' },
    h('p', { class: 'app-inset__text' },
      h('strong', {}, carbon.borderline ? 'Some jobs like yours are carbon-intensive' : 'Your job is carbon-intensive'),
      ` (${category}${carbon.borderline ? ', depending on where you work' : ''}). The moves below start with green jobs that use the skills you have.`),
    h('details', { class: 'app-details app-inset__details' },
      h('summary', { class: 'app-details__summary' }, 'Why'),
      h('p', { class: 'app-inset__text app-details__text' }, carbon.evidence, ' ',
        carbon.source && ['Source: ', sourceLink(carbon.source), '.'])));
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
    h('h2', { id: 'current-job-heading', class: 'app-heading-l app-current__title' },
      h('span', { class: 'app-visually-hidden' }, 'Your current job'), ' ', job.label),
    // One line first; the details are folded so that the moves come into view.
    h('p', { class: 'app-body app-current__summary' }, `${typeof job.annualEarnings === 'number'
      ? `${formatPounds(job.annualEarnings)} a year (UK estimate)`
      : 'Pay not known'}. ${plural(job.essentialSkills.length, 'essential skill')}.`),
    // The details and the print button share one line, so the moves come into view.
    h('div', { class: 'app-current__bar' },
      h('details', { class: 'app-details', id: 'current-job-details' },
        h('summary', { class: 'app-details__summary' }, 'About this job: other names, what it involves, its skills'),
        h('dl', { class: 'app-summary-list app-details__text' },
        also.length > 0 && row('Also called', also.join(', ')),
        row('Occupation group', iscoText(job)),
        row('What the job involves', h('p', { class: 'app-summary-list__text app-current__description' }, DESCRIPTION_PENDING)),
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
            h('ul', { class: 'app-skill-list app-details__text' }, job.essentialSkills.map(skillItem)))))),
      actions.onPrint && h('button', { type: 'button', class: 'app-button app-button--secondary', 'data-action': 'print' },
        'Print or save this plan')),
    job.carbon && carbonNotice(job.carbon),
  );
  const details = section.querySelector('#current-job-details');
  const description = section.querySelector('.app-current__description');
  if (details && description instanceof HTMLElement) describeWhenOpened(/** @type {HTMLElement} */ (details), job.id, description);
  const print = section.querySelector('[data-action="print"]');
  if (print && actions.onPrint) print.addEventListener('click', actions.onPrint);
}
