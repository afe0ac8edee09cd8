//! Coordinate frames: the displayed page (`/Rotate`, PDF 32000-1 §7.7.3.3, Table 30)
//! and the upright frame of a text direction.

use super::PageBox;

/// The transform from user space into the displayed page: the origin of the visible
/// box (crop box within media box) moved to (0, 0), then turned clockwise by `/Rotate`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Frame {
    x0: f32,
    y0: f32,
    width: f32,
    height: f32,
    /// Quarter turns clockwise, 0–3.
    turns: u8,
}

impl Frame {
    pub(crate) fn display(b: PageBox) -> Frame {
        let [x0, y0, x1, y1] = b.visible;
        let turns = if b.rotate % 90 == 0 {
            (b.rotate / 90).rem_euclid(4) as u8
        } else {
            0
        };
        Frame {
            x0: x0.min(x1),
            y0: y0.min(y1),
            width: (x1 - x0).abs(),
            height: (y1 - y0).abs(),
            turns,
        }
    }

    /// Width and height of the displayed page, points.
    pub(crate) fn size(&self) -> (f32, f32) {
        if self.turns % 2 == 1 {
            (self.height, self.width)
        } else {
            (self.width, self.height)
        }
    }

    /// A user-space point on the displayed page.
    pub(crate) fn apply(&self, x: f32, y: f32) -> (f32, f32) {
        let (x, y) = (x - self.x0, y - self.y0);
        let (w, h) = (self.width, self.height);
        match self.turns {
            1 => (y, w - x),
            2 => (w - x, h - y),
            3 => (h - y, x),
            _ => (x, y),
        }
    }

    /// A text direction (quarter turns counterclockwise) as seen on the displayed page.
    pub(crate) fn turn_quadrant(&self, quadrant: u8) -> u8 {
        (quadrant + 4 - self.turns % 4) % 4
    }
}

/// A point turned so that text running in `quadrant` (quarter turns counterclockwise
/// from +x) runs along +x, with the lines that follow it below (smaller y).
pub(crate) fn upright(quadrant: u8, x: f32, y: f32) -> (f32, f32) {
    match quadrant {
        1 => (y, -x),
        2 => (-x, -y),
        3 => (-y, x),
        _ => (x, y),
    }
}

/// Where a line built in the upright frame of `quadrant` (see [`upright`]) starts on
/// the displayed page, as a height (y, points): the point its reading begins at.
pub(crate) fn display_start(quadrant: u8, line: &unpara_model::Line) -> f32 {
    match quadrant {
        // Upright: x′ = y, y′ = −x; text runs upwards from display y = x0′.
        1 => line.x0,
        2 => -line.baseline + 0.2 * line.size,
        // Upright: x′ = −y; text runs downwards from display y = −x0′.
        3 => -line.x0,
        _ => line.baseline + 0.8 * line.size,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rotate_90_turns_upward_text_into_ordinary_text() {
        let f = Frame::display(PageBox {
            visible: [0.0, 0.0, 595.0, 842.0],
            rotate: 90,
        });
        assert_eq!(f.size(), (842.0, 595.0));
        // The left edge of the media box is the top of the displayed page.
        assert_eq!(f.apply(0.0, 100.0), (100.0, 595.0));
        assert_eq!(f.turn_quadrant(1), 0);
    }

    #[test]
    fn vertical_columns_read_right_to_left() {
        // Two columns at x = 500 (first) and x = 480; characters go down.
        let (_, first) = upright(3, 500.0, 700.0);
        let (_, second) = upright(3, 480.0, 700.0);
        assert!(first > second, "the right column comes first (higher y)");
        let (a, _) = upright(3, 500.0, 700.0);
        let (b, _) = upright(3, 500.0, 688.0);
        assert!(a < b, "characters further down come later (larger x)");
    }
}
