// @ts-check
/**
 * @file d3-sankey (npm, pinned in package.json) for the portfolio's flow chart. `make site`
 * bundles this file with its dependencies (d3-array, d3-shape) into `dist/vendor/d3-sankey.js`
 * with esbuild, so the page loads it from its own origin; this source is never served as is.
 */
export { sankey, sankeyLinkHorizontal, sankeyLeft } from 'd3-sankey';
