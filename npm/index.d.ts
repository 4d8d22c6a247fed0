// Types for the package's entry point: everything the wasm module declares (greenpath.d.ts,
// generated from the Rust API), and `createPlanner`.

export * from './greenpath.js';
export { default as init } from './greenpath.js';
import type { Planner } from './greenpath.js';

/** The dataset's parts after the core, in the order the planner takes them. */
export declare const DATA_PARTS: readonly ['skills', 'skill-names', 'details', 'courses'];

/** Options of {@link createPlanner}. */
export interface CreatePlannerOptions {
  /**
   * Parts to load after the core: all by default. `[]` gives search, names and pay only;
   * `skills` is needed for moves and similar jobs, `courses` for plans and pathways, `details`
   * for job descriptions.
   */
  parts?: readonly ('skills' | 'skill-names' | 'details' | 'courses')[];
}

/**
 * A Planner over the default dataset shipped with the package (ESCO v1.1.1, UK pay estimates,
 * apprenticeship standards and the curated green-jobs lists), in node 18+ or a browser.
 */
export declare function createPlanner(options?: CreatePlannerOptions): Promise<Planner>;
