//! Calibration on ESCO's own structure, shared by `make calibrate` and `make quality`.
//!
//! Occupations in one ISCO-08 unit group are, by ESCO's own classification, close to each
//! other. Comparing the scores of those pairs with the scores of all pairs tells what "close"
//! means on our scale: a score is viable from where a pair is at least [`VIABLE_RATIO`] times as
//! likely to be within one unit group as a random pair, highly viable from [`HIGHLY_RATIO`]
//! times.

// Each example uses some of these items, none uses all.
#![allow(dead_code)]

use greenpath::transitions::{ScoreParams, TransitionEngine};
use greenpath::Dataset;

/// Scores of every ordered pair of distinct occupations, sorted, and of the pairs within one ISCO
/// unit group, sorted, with the thresholds they imply.
pub struct Calibration {
    /// Scores of pairs within one ISCO unit group, ascending.
    pub within: Vec<f32>,
    /// Scores of all ordered pairs of distinct occupations, ascending.
    pub all: Vec<f32>,
    /// Lowest score from which every band's likelihood ratio is at least [`VIABLE_RATIO`].
    pub viable: f32,
    /// Lowest score from which every band's likelihood ratio is at least [`HIGHLY_RATIO`].
    pub highly_viable: f32,
    /// Seconds the full matrix took.
    pub seconds: f64,
}

impl Calibration {
    /// Scores every pair of `data` under `params` and derives the thresholds.
    pub fn compute(
        data: &Dataset,
        engine: &TransitionEngine,
        params: &ScoreParams,
    ) -> Result<Calibration, greenpath::Error> {
        let started = std::time::Instant::now();
        let matrix = full_matrix(data, engine, params)?;
        let seconds = started.elapsed().as_secs_f64();
        let n = data.occupations().len();
        let mut within = Vec::new();
        let mut all = Vec::with_capacity(n * (n - 1));
        for a in 0..n {
            for b in 0..n {
                if a == b {
                    continue;
                }
                let score = matrix[a * n + b];
                all.push(score);
                if data.occupation(a as u32).isco == data.occupation(b as u32).isco {
                    within.push(score);
                }
            }
        }
        all.sort_by(f32::total_cmp);
        within.sort_by(f32::total_cmp);
        let viable = lowest_score_with_ratio(&within, &all, VIABLE_RATIO);
        let highly_viable = lowest_score_with_ratio(&within, &all, HIGHLY_RATIO);
        Ok(Calibration {
            within,
            all,
            viable,
            highly_viable,
            seconds,
        })
    }
}

/// Likelihood ratio at which a score becomes viable.
pub const VIABLE_RATIO: f64 = 5.0;
/// Likelihood ratio at which a score becomes highly viable.
pub const HIGHLY_RATIO: f64 = 20.0;
/// Width of the score bands the ratio is measured in.
pub const BAND: f32 = 0.02;

/// The lowest band start from which every band's within/all likelihood ratio is at least
/// `ratio` (bands without pairs are skipped).
pub fn lowest_score_with_ratio(within: &[f32], all: &[f32], ratio: f64) -> f32 {
    let bands = (1.0 / BAND).round() as usize;
    let count = |v: &[f32], b: usize| {
        let low = b as f32 * BAND;
        let high = if b + 1 == bands {
            f32::INFINITY
        } else {
            low + BAND
        };
        (v.partition_point(|&x| x < high) - v.partition_point(|&x| x < low)) as f64
    };
    let mut start = bands;
    for b in (0..bands).rev() {
        let (w, a) = (count(within, b), count(all, b));
        if a == 0.0 {
            continue;
        }
        let lr = (w / within.len() as f64) / (a / all.len() as f64);
        if lr < ratio {
            break;
        }
        start = b;
    }
    start as f32 * BAND
}

pub fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Every origin's scores, row by row, computed on all cores.
pub fn full_matrix(
    data: &Dataset,
    engine: &TransitionEngine,
    params: &ScoreParams,
) -> Result<Vec<f32>, greenpath::Error> {
    let n = data.occupations().len();
    let chunk = n.div_ceil(threads());
    let rows: Vec<Result<Vec<f32>, greenpath::Error>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..n)
            .step_by(chunk)
            .map(|start| {
                scope.spawn(move || {
                    let mut out = Vec::with_capacity(chunk * n);
                    for origin in start..(start + chunk).min(n) {
                        out.extend(engine.scores_from(data, origin as u32, params)?);
                    }
                    Ok(out)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("worker thread"))
            .collect()
    });
    let mut matrix = Vec::with_capacity(n * n);
    for row in rows {
        matrix.extend(row?);
    }
    Ok(matrix)
}

pub fn mean_sd(values: &[f32]) -> (f32, f32) {
    let n = values.len() as f64;
    let mean = values.iter().map(|&v| f64::from(v)).sum::<f64>() / n;
    let var = values
        .iter()
        .map(|&v| (f64::from(v) - mean).powi(2))
        .sum::<f64>()
        / n;
    (mean as f32, var.sqrt() as f32)
}

/// The `q` quantile of sorted `values` (nearest rank).
pub fn quantile(sorted: &[f32], q: f64) -> f32 {
    let i = ((sorted.len() as f64 - 1.0) * q).round() as usize;
    sorted[i]
}

pub fn share_at_least(sorted: &[f32], threshold: f32) -> f64 {
    let below = sorted.partition_point(|&v| v < threshold);
    (sorted.len() - below) as f64 / sorted.len() as f64
}
