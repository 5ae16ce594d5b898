//! The benchmark's regression check: a run's figures beside the committed
//! previous run's (`benches/last-run.json`), and the ones that got worse by
//! more than a share. It reports and never fails: the machines the
//! benchmark runs on are noisy.
//!
//! A figure with a peer is compared by its ratio to the peer (measured in
//! the same run, so it moves less than the machine does); one without a
//! peer by its own value. Every figure is one where lower is better.

use serde::{Deserialize, Serialize};

/// One row of the benchmark's table, as numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// The browser it was measured in (`chromium`, `firefox`).
    pub engine: String,
    /// What it measures, as the table names it.
    pub metric: String,
    /// The explorer's figure. A figure not measured is NaN, which JSON
    /// writes as `null`.
    #[serde(deserialize_with = "nan_if_null")]
    pub ours: f64,
    /// The peer's figure in the same run, when there is one.
    pub peer: Option<f64>,
}

fn nan_if_null<'de, D: serde::Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    Ok(Option::<f64>::deserialize(d)?.unwrap_or(f64::NAN))
}

impl Figure {
    /// What is compared between runs: the ratio to the peer where there is
    /// a peer, else the explorer's own figure. `None` when it is not a
    /// finite number (a figure not measured, or a peer of zero).
    pub fn compared(&self) -> Option<f64> {
        let v = match self.peer {
            Some(p) => self.ours / p,
            None => self.ours,
        };
        v.is_finite().then_some(v)
    }
}

/// A figure that got worse.
#[derive(Debug, Clone, PartialEq)]
pub struct Regression {
    /// The browser.
    pub engine: String,
    /// The metric.
    pub metric: String,
    /// The compared value in the previous run and in this one.
    pub before: f64,
    /// See `before`.
    pub now: f64,
    /// Whether the values are ratios to a peer.
    pub ratio: bool,
}

impl Regression {
    /// By how much it grew, as a share of the previous value (0.25 is 25%).
    pub fn growth(&self) -> f64 {
        self.now / self.before - 1.0
    }
}

impl std::fmt::Display for Regression {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (before, now) = if self.ratio {
            (format!("{:.2}×", self.before), format!("{:.2}×", self.now))
        } else {
            (format!("{:.1}", self.before), format!("{:.1}", self.now))
        };
        write!(
            f,
            "{} · {}: {before} → {now} (+{:.0}%)",
            self.engine,
            self.metric,
            self.growth() * 100.0
        )
    }
}

/// The figures of `now` whose compared value exceeds the same figure's in
/// `before` by more than `share` (0.2 for 20%). A figure missing from either
/// run, not a number, or zero before (a count of long tasks that was none)
/// is not compared.
pub fn regressions(before: &[Figure], now: &[Figure], share: f64) -> Vec<Regression> {
    now.iter()
        .filter_map(|n| {
            let b = before
                .iter()
                .find(|b| b.engine == n.engine && b.metric == n.metric)?;
            let (was, is) = (b.compared()?, n.compared()?);
            (was > 0.0 && is > was * (1.0 + share)).then(|| Regression {
                engine: n.engine.clone(),
                metric: n.metric.clone(),
                before: was,
                now: is,
                ratio: n.peer.is_some(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(engine: &str, metric: &str, ours: f64, peer: Option<f64>) -> Figure {
        Figure {
            engine: engine.into(),
            metric: metric.into(),
            ours,
            peer,
        }
    }

    #[test]
    fn a_ratio_worse_by_more_than_the_share_is_reported() {
        let before = [fig("chromium", "paint", 100.0, Some(100.0))];
        // 1.00× → 1.30×: the explorer slowed while the peer did not.
        let now = [fig("chromium", "paint", 130.0, Some(100.0))];
        let found = regressions(&before, &now, 0.2);
        assert_eq!(found.len(), 1);
        assert!((found[0].growth() - 0.3).abs() < 1e-9);
        assert!(found[0].ratio);
        assert_eq!(
            found[0].to_string(),
            "chromium · paint: 1.00× → 1.30× (+30%)"
        );
    }

    #[test]
    fn a_slower_machine_that_slows_the_peer_as_much_is_not_a_regression() {
        let before = [fig("chromium", "paint", 100.0, Some(100.0))];
        let now = [fig("chromium", "paint", 150.0, Some(140.0))];
        assert!(regressions(&before, &now, 0.2).is_empty());
    }

    #[test]
    fn a_figure_without_a_peer_is_compared_by_its_value() {
        let before = [fig("firefox", "keystroke p95", 10.0, None)];
        assert!(
            regressions(&before, &[fig("firefox", "keystroke p95", 11.9, None)], 0.2).is_empty()
        );
        let found = regressions(&before, &[fig("firefox", "keystroke p95", 12.5, None)], 0.2);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].to_string(),
            "firefox · keystroke p95: 10.0 → 12.5 (+25%)"
        );
    }

    #[test]
    fn figures_are_matched_by_engine_and_metric() {
        let before = [
            fig("chromium", "keystroke p95", 10.0, None),
            fig("firefox", "keystroke p95", 30.0, None),
        ];
        // Firefox's 20 is better than its own 30, though worse than
        // Chromium's 10.
        let now = [fig("firefox", "keystroke p95", 20.0, None)];
        assert!(regressions(&before, &now, 0.2).is_empty());
    }

    #[test]
    fn missing_zero_and_unmeasured_figures_are_not_compared() {
        let before = [
            fig("chromium", "long task", 0.0, None),
            fig("chromium", "memory", f64::NAN, Some(1.0)),
        ];
        let now = [
            fig("chromium", "long task", 80.0, None),
            fig("chromium", "memory", 5.0, Some(1.0)),
            fig("chromium", "new row", 5.0, None),
        ];
        assert!(regressions(&before, &now, 0.2).is_empty());
    }

    #[test]
    fn a_figure_not_measured_is_read_back_and_not_compared() {
        let json = serde_json::to_string(&[fig("firefox", "a", f64::NAN, None)]).unwrap();
        assert_eq!(
            json,
            r#"[{"engine":"firefox","metric":"a","ours":null,"peer":null}]"#
        );
        let back: Vec<Figure> = serde_json::from_str(&json).unwrap();
        assert!(back[0].ours.is_nan());
        assert!(regressions(&back, &[fig("firefox", "a", 1.0, None)], 0.2).is_empty());
    }

    #[test]
    fn figures_survive_being_written_and_read() {
        let figures = vec![
            fig("chromium", "a", 1.5, Some(2.0)),
            fig("firefox", "b", 3.0, None),
        ];
        let json = serde_json::to_string(&figures).unwrap();
        let back: Vec<Figure> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, figures);
    }
}
