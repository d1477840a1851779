//! The QR code of a notice: the `qrcode` crate computes the matrix, drawn here as one SVG path
//! (a sub-path per horizontal run of dark modules) so the same code sits in the HTML page and
//! in the A4 SVG, and a test can read it back from the drawing.

use qrcode::{Color, EcLevel, QrCode};

/// Light modules around the code, as the standard asks (ISO/IEC 18004: four modules).
pub const QUIET_ZONE: usize = 4;

/// A QR code's modules, row by row (`true` is dark).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Qr {
    width: usize,
    dark: Vec<bool>,
}

impl Qr {
    /// Encodes `text` at error-correction level Q (a quarter of the code may be soiled or torn,
    /// as a notice on a village board will be). `None` when the text is too long for any
    /// version.
    pub fn encode(text: &str) -> Option<Qr> {
        let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::Q).ok()?;
        let width = code.width();
        let dark = code.into_colors().into_iter().map(|color| color == Color::Dark).collect();
        Some(Qr { width, dark })
    }

    /// Modules per side, without the quiet zone.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Modules per side with the quiet zone: the drawing's view box.
    pub fn side(&self) -> usize {
        self.width + 2 * QUIET_ZONE
    }

    /// Whether the module at column `x`, row `y` (quiet zone excluded) is dark.
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.width && y < self.width && self.dark[y * self.width + x]
    }

    /// SVG path data of the dark modules in module units, the quiet zone included in the
    /// coordinates (the code starts at `QUIET_ZONE`, `QUIET_ZONE`): `M x y h n v 1 h -n z`.
    pub fn path_data(&self) -> String {
        let mut data = String::new();
        for y in 0..self.width {
            let mut x = 0;
            while x < self.width {
                if !self.is_dark(x, y) {
                    x += 1;
                    continue;
                }
                let start = x;
                while x < self.width && self.is_dark(x, y) {
                    x += 1;
                }
                let run = x - start;
                data.push_str(&format!("M{} {}h{run}v1h-{run}z", start + QUIET_ZONE, y + QUIET_ZONE));
            }
        }
        data
    }

    /// The code as an `<svg>` element (white square, black modules), placed and sized by
    /// `attributes` (e.g. `x="146" y="225" width="46" height="46"`, or a `class`); `label` is
    /// its accessible name, already escaped for XML.
    pub fn svg(&self, attributes: &str, label: &str) -> String {
        let side = self.side();
        format!(
            "<svg {attributes} viewBox=\"0 0 {side} {side}\" role=\"img\" aria-label=\"{label}\" \
             shape-rendering=\"crispEdges\"><g id=\"qr-code\"><rect width=\"{side}\" height=\"{side}\" \
             fill=\"#fff\"/><path fill=\"#000\" d=\"{}\"/></g></svg>",
            self.path_data()
        )
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Fills a bitmap from path data written by [`Qr::path_data`] (and nothing else): each
    /// `M x y h n …z` sub-path is a run of `n` dark modules; `scale` pixels per module.
    pub(crate) fn bitmap_from_path(data: &str, side: usize, scale: usize) -> Vec<Vec<bool>> {
        let mut pixels = vec![vec![false; side * scale]; side * scale];
        for run in data.split('M').filter(|run| !run.is_empty()) {
            let (x, rest) = run.split_once(' ').expect("x");
            let (y, rest) = rest.split_once('h').expect("y");
            let length = rest.split('v').next().expect("run");
            let (x, y, length): (usize, usize, usize) =
                (x.parse().expect("x"), y.parse().expect("y"), length.parse().expect("run length"));
            for row in pixels.iter_mut().skip(y * scale).take(scale) {
                for pixel in row.iter_mut().skip(x * scale).take(length * scale) {
                    *pixel = true;
                }
            }
        }
        pixels
    }

    /// Reads a QR code from a bitmap the way a phone does: find the finder patterns, sample
    /// the grid, correct errors, decode.
    pub(crate) fn scan(pixels: &[Vec<bool>]) -> Vec<String> {
        let size = pixels.len();
        let mut image = rqrr::PreparedImage::prepare_from_bitmap(size, size, |x, y| pixels[y][x]);
        image.detect_grids().into_iter().filter_map(|grid| grid.decode().ok().map(|(_, text)| text)).collect()
    }

    #[test]
    fn the_drawn_code_scans_back_to_the_text() {
        let url = "https://banna.example.org/v/532822100201";
        let qr = Qr::encode(url).expect("encodes");
        let pixels = bitmap_from_path(&qr.path_data(), qr.side(), 4);
        assert_eq!(scan(&pixels), vec![url.to_owned()]);
    }

    #[test]
    fn the_code_has_finder_patterns_and_a_quiet_zone() {
        let qr = Qr::encode("http://127.0.0.1:8080/v/V0001").expect("encodes");
        assert_eq!((qr.width() - 17) % 4, 0, "a QR code is 17 + 4 × version modules wide");
        // The finder pattern's dark ring and core, at the top-left corner.
        for i in 0..7 {
            assert!(qr.is_dark(i, 0) && qr.is_dark(0, i) && qr.is_dark(6, i) && qr.is_dark(i, 6));
        }
        assert!(!qr.is_dark(1, 1) && qr.is_dark(3, 3));
        let data = qr.path_data();
        assert!(data.starts_with(&format!("M{QUIET_ZONE} {QUIET_ZONE}h7v1h-7z")), "{data}");
        let svg = qr.svg("class=\"qr\"", "label");
        assert!(svg.contains(&format!("viewBox=\"0 0 {0} {0}\"", qr.width() + 8)), "{svg}");
        assert!(svg.contains("<g id=\"qr-code\">"));
    }

    #[test]
    fn text_too_long_for_any_version_is_refused() {
        assert!(Qr::encode(&"x".repeat(4000)).is_none());
    }
}
