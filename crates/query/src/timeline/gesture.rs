//! Pointer gestures on the timeline as a pure reducer: pointers go down,
//! move and go up, and each step says what the view should do (pan, zoom
//! about a point, draw or finish a brush along the axis, or show the tip).
//! It knows nothing of the browser; the view feeds it pointer positions in
//! drawing units and applies what it returns to its [`Scale`](super::Scale).

/// Where the parts of the drawing lie, in drawing units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Plot {
    /// Width kept at the left for lane labels; the plot starts here.
    pub label: f64,
    /// The drawing's whole width; the plot ends here.
    pub width: f64,
    /// Height of the axis band at the top, where a drag brushes dates.
    pub axis: f64,
}

impl Plot {
    /// The plot's own width (the scale's width).
    pub fn plot_width(&self) -> f64 {
        self.width - self.label
    }
}

/// What one pointer event asks of the view.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Action {
    /// Nothing to do.
    Nothing,
    /// No pointer is down: show what is under this one.
    Hover,
    /// Move the window by this many plot units (positive: later dates).
    Pan(f64),
    /// Zoom by `factor` about `anchor`, in plot units from the plot's left.
    Zoom { factor: f64, anchor: f64 },
    /// The brush now spans these drawing x positions.
    Brush(f64, f64),
    /// The brush was let go spanning these positions, left to right: filter
    /// by their dates.
    Brushed(f64, f64),
    /// The brush was let go without covering any real span.
    BrushCancelled,
}

/// Pointer travel below this (drawing units) is a click, not a drag.
const STILL: f64 = 0.5;
/// A brush narrower than this is a click on the axis.
const LEAST_BRUSH: f64 = 3.0;

/// The pointers down on the drawing and what they are doing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Gesture {
    /// Each pointer down, by id, at its last x.
    pointers: Vec<(i32, f64)>,
    /// Whether they moved the drawing since the first went down.
    dragged: bool,
    /// Where a brush along the axis started and where it reaches now.
    brush: Option<(f64, f64)>,
}

impl Gesture {
    /// A pointer went down at (`x`, `y`). One pointer down on the axis band
    /// starts a brush; anywhere else it starts a pan; a second one a pinch.
    pub fn down(&mut self, id: i32, x: f64, y: f64, plot: &Plot) -> Action {
        self.pointers.retain(|&(p, _)| p != id);
        self.pointers.push((id, x));
        self.dragged = false;
        let alone = self.pointers.len() == 1;
        self.brush = (alone && y < plot.axis && x > plot.label).then_some((x, x));
        match self.brush {
            Some((a, b)) => Action::Brush(a, b),
            None => Action::Nothing,
        }
    }

    /// A pointer moved to `x`.
    pub fn moved(&mut self, id: i32, x: f64, plot: &Plot) -> Action {
        let Some(i) = self.pointers.iter().position(|&(p, _)| p == id) else {
            return Action::Hover;
        };
        let before = self.pointers[i].1;
        self.pointers[i].1 = x;
        if (before - x).abs() > STILL {
            self.dragged = true;
        }
        if let Some((from, _)) = self.brush {
            let to = x.clamp(plot.label, plot.width);
            self.brush = Some((from, to));
            return Action::Brush(from, to);
        }
        match self.pointers.as_slice() {
            [_] => Action::Pan(before - x),
            [a, b] => {
                let other = if i == 0 { b.1 } else { a.1 };
                let (old, new) = ((before - other).abs(), (x - other).abs());
                if old > 1.0 && new > 1.0 {
                    let anchor = ((x + other) / 2.0 - plot.label).clamp(0.0, plot.plot_width());
                    Action::Zoom {
                        factor: new / old,
                        anchor,
                    }
                } else {
                    Action::Nothing
                }
            }
            _ => Action::Nothing,
        }
    }

    /// A pointer went up, was cancelled or left the drawing.
    pub fn up(&mut self, id: i32) -> Action {
        self.pointers.retain(|&(p, _)| p != id);
        match self.brush.take() {
            Some((a, b)) if (a - b).abs() > LEAST_BRUSH => Action::Brushed(a.min(b), a.max(b)),
            Some(_) => Action::BrushCancelled,
            None => Action::Nothing,
        }
    }

    /// Whether the pointers moved the drawing since they went down: the
    /// click that ends a drag selects nothing.
    pub fn dragged(&self) -> bool {
        self.dragged
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLOT: Plot = Plot {
        label: 150.0,
        width: 1000.0,
        axis: 28.0,
    };

    #[test]
    fn one_pointer_pans_by_its_travel_and_a_still_one_clicks() {
        let mut g = Gesture::default();
        assert_eq!(g.moved(1, 400.0, &PLOT), Action::Hover);
        assert_eq!(g.down(1, 400.0, 100.0, &PLOT), Action::Nothing);
        assert_eq!(g.moved(1, 400.2, &PLOT), Action::Pan(-0.19999999999998863));
        assert!(!g.dragged(), "a tremble is still a click");
        // Dragging right shows earlier dates.
        assert_eq!(g.moved(1, 430.2, &PLOT), Action::Pan(-30.0));
        assert!(g.dragged());
        assert_eq!(g.up(1), Action::Nothing);
        assert_eq!(g.moved(1, 500.0, &PLOT), Action::Hover);
        // The next press starts clean.
        g.down(1, 500.0, 100.0, &PLOT);
        assert!(!g.dragged());
    }

    #[test]
    fn two_pointers_pinch_about_their_middle() {
        let mut g = Gesture::default();
        g.down(1, 400.0, 100.0, &PLOT);
        g.down(2, 600.0, 100.0, &PLOT);
        // Spreading from 200 to 300 apart zooms in by 1.5 about the middle
        // of the pointers, in plot units.
        assert_eq!(
            g.moved(2, 700.0, &PLOT),
            Action::Zoom {
                factor: 1.5,
                anchor: 550.0 - 150.0
            }
        );
        // Pointers on top of each other give no factor.
        g.moved(2, 400.5, &PLOT);
        assert_eq!(g.moved(2, 400.2, &PLOT), Action::Nothing);
        // One lifted: the other pans again.
        g.up(2);
        assert_eq!(g.moved(1, 390.0, &PLOT), Action::Pan(10.0));
    }

    #[test]
    fn a_drag_along_the_axis_brushes_and_a_short_one_cancels() {
        let mut g = Gesture::default();
        assert_eq!(g.down(1, 300.0, 10.0, &PLOT), Action::Brush(300.0, 300.0));
        // The brush stays inside the plot.
        assert_eq!(g.moved(1, 1200.0, &PLOT), Action::Brush(300.0, 1000.0));
        assert_eq!(g.moved(1, 200.0, &PLOT), Action::Brush(300.0, 200.0));
        assert_eq!(g.up(1), Action::Brushed(200.0, 300.0));
        g.down(1, 300.0, 10.0, &PLOT);
        g.moved(1, 302.0, &PLOT);
        assert_eq!(g.up(1), Action::BrushCancelled);
        // On the lane labels, or below the axis, a press is no brush.
        assert_eq!(g.down(1, 100.0, 10.0, &PLOT), Action::Nothing);
        g.up(1);
        assert_eq!(g.down(1, 300.0, 50.0, &PLOT), Action::Nothing);
        assert_eq!(g.moved(1, 320.0, &PLOT), Action::Pan(-20.0));
    }
}
