//! One deadline for all the work of a call: the solver phases, the re-plans that find binding
//! limits, and the search for pathways all take their time from it, so that a call answers
//! within its time whatever the course list (with the best found, said as not proven).

use web_time::{Duration, Instant};

/// Seconds the page's planning calls (a plan, pathways) may take in all.
pub const CALL_SECONDS: f64 = 1.5;

/// When the work of a call must stop; `none` for no deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadline(Option<Instant>);

impl Deadline {
    /// No deadline: each phase keeps its own time limit only.
    pub fn none() -> Deadline {
        Deadline(None)
    }

    /// `seconds` from now (a value that is not a positive number means none).
    pub fn after(seconds: f64) -> Deadline {
        if seconds.is_finite() && seconds > 0.0 {
            Deadline(Instant::now().checked_add(Duration::from_secs_f64(seconds)))
        } else {
            Deadline(None)
        }
    }

    /// Whether the time is up.
    pub fn passed(&self) -> bool {
        self.0.is_some_and(|end| Instant::now() >= end)
    }

    /// A phase's time limit: `phase` seconds, or what is left if less (at least a millisecond,
    /// so that a solver still returns its first plan).
    pub fn limit(&self, phase: f64) -> f64 {
        match self.0 {
            None => phase,
            Some(end) => {
                let left = end.saturating_duration_since(Instant::now()).as_secs_f64();
                phase.min(left).max(0.001)
            }
        }
    }
}

impl Default for Deadline {
    fn default() -> Self {
        Deadline::none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deadline_shortens_phases_and_passes() {
        assert_eq!(Deadline::none().limit(0.5), 0.5);
        assert!(!Deadline::none().passed());
        assert!(Deadline::after(10.0).limit(0.5) <= 0.5);
        let soon = Deadline::after(0.01);
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert!(soon.passed());
        assert_eq!(soon.limit(0.5), 0.001);
        assert_eq!(Deadline::after(f64::NAN), Deadline::none());
    }
}
