//! The border strip: incidents per km bin along the 0…N km axis of the border, the base year
//! against the compared year as paired bars, the sections shaded and labelled.
//!
//! The SVG is 800 × 420 user units with a `viewBox`, so a page scales it to any width (an
//! `<img>` with `width: 100%` fits a 360 px phone). Counts are whole numbers; kilometres are
//! along the line from km 0.

use plotters::coord::Shift;
use plotters::coord::types::{RangedCoordf64, RangedCoordu64};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{ChartError, with_title_and_desc};

/// Width of the SVG, user units (pixels when shown at its natural size).
pub const WIDTH: u32 = 800;
/// Height of the SVG, user units.
pub const HEIGHT: u32 = 420;

/// Fill of the base year's bars and legend swatch.
pub const BASE_COLOR: RGBColor = RGBColor(0x9E, 0xB9, 0xD4);
/// Fill of the compared year's bars and legend swatch.
pub const COMPARE_COLOR: RGBColor = RGBColor(0xC4, 0x4E, 0x1C);
/// Fills of the section bands, alternating from km 0.
const SECTION_FILLS: [RGBColor; 2] = [RGBColor(0xF1, 0xF3, 0xF5), RGBColor(0xFF, 0xFB, 0xF0)];
const INK: RGBColor = RGBColor(0x22, 0x22, 0x22);
const FAINT: RGBColor = RGBColor(0x8A, 0x8A, 0x8A);

/// One km bin with its counts in the two years.
#[derive(Clone, Debug, PartialEq)]
pub struct StripBin {
    pub start_km: f64,
    pub end_km: f64,
    pub base: u64,
    pub compare: u64,
}

/// A section of the border with its km range and its (localized) label.
#[derive(Clone, Debug, PartialEq)]
pub struct StripSection {
    pub start_km: f64,
    pub end_km: f64,
    pub label: String,
}

/// The chart's words, already in the reader's language.
#[derive(Clone, Debug, PartialEq)]
pub struct StripLabels {
    pub title: String,
    /// What the chart shows, in a sentence or two, for screen readers (`<desc>`).
    pub description: String,
    pub x_axis: String,
    pub y_axis: String,
    /// Legend of the base year's bars, e.g. "2023".
    pub base: String,
    /// Legend of the compared year's bars, e.g. "2024".
    pub compare: String,
}

/// Everything the border strip shows.
#[derive(Clone, Debug, PartialEq)]
pub struct BorderStrip {
    /// Length of the line, km: the end of the axis.
    pub length_km: f64,
    pub bins: Vec<StripBin>,
    pub sections: Vec<StripSection>,
    pub labels: StripLabels,
}

fn drawing<E: std::error::Error + Send + Sync>(error: plotters::drawing::DrawingAreaErrorKind<E>) -> ChartError {
    ChartError::Drawing(error.to_string())
}

/// Renders the strip as a standalone SVG document (UTF-8 text). A bar is drawn for every
/// non-zero count, at least one unit wide however narrow its bin.
///
/// ```
/// use banna_border::charts::border_strip::{BorderStrip, StripBin, StripLabels, StripSection, render};
///
/// let strip = BorderStrip {
///     length_km: 20.0,
///     bins: vec![
///         StripBin { start_km: 0.0, end_km: 10.0, base: 2, compare: 3 },
///         StripBin { start_km: 10.0, end_km: 20.0, base: 0, compare: 1 },
///     ],
///     sections: vec![StripSection { start_km: 0.0, end_km: 20.0, label: "China–Myanmar".into() }],
///     labels: StripLabels {
///         title: "Incidents per 10 km".into(),
///         description: "3 bins".into(),
///         x_axis: "km".into(),
///         y_axis: "incidents".into(),
///         base: "2023".into(),
///         compare: "2024".into(),
///     },
/// };
/// let svg = render(&strip).unwrap();
/// assert!(svg.starts_with("<svg") && svg.contains("China–Myanmar"));
/// ```
pub fn render(strip: &BorderStrip) -> Result<String, ChartError> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, HEIGHT)).into_drawing_area();
        draw(&root, strip)?;
        root.present().map_err(drawing)?;
    }
    with_title_and_desc(&svg, "chart-border-strip", &strip.labels.title, &strip.labels.description)
}

fn draw(root: &DrawingArea<SVGBackend<'_>, Shift>, strip: &BorderStrip) -> Result<(), ChartError> {
    let labels = &strip.labels;
    root.fill(&WHITE).map_err(drawing)?;
    let title_style = TextStyle::from(("sans-serif", 24).into_font().style(FontStyle::Bold))
        .color(&INK)
        .pos(Pos::new(HPos::Center, VPos::Top));
    root.draw(&Text::new(labels.title.clone(), (WIDTH as i32 / 2, 10), title_style)).map_err(drawing)?;

    // Legend: a swatch and the year, for each year, centred under the title.
    let legend_style =
        TextStyle::from(("sans-serif", 18).into_font()).color(&INK).pos(Pos::new(HPos::Left, VPos::Center));
    let legend_y = 52;
    let center = WIDTH as i32 / 2;
    for (x, color, text) in [(center - 150, BASE_COLOR, &labels.base), (center + 30, COMPARE_COLOR, &labels.compare)] {
        root.draw(&Rectangle::new([(x, legend_y - 7), (x + 24, legend_y + 7)], color.filled())).map_err(drawing)?;
        root.draw(&Text::new(text.clone(), (x + 32, legend_y), legend_style.clone())).map_err(drawing)?;
    }

    let length_km = if strip.length_km.is_finite() && strip.length_km > 0.0 { strip.length_km } else { 1.0 };
    let highest = strip.bins.iter().map(|bin| bin.base.max(bin.compare)).max().unwrap_or(0);
    // Headroom above the highest bar for the section labels.
    let top = (highest + highest.div_ceil(5)).max(highest + 1).max(4);

    let (_, below_legend) = root.split_vertically(72);
    let mut chart = ChartBuilder::on(&below_legend)
        .margin_left(8)
        .margin_right(24)
        .margin_bottom(8)
        .x_label_area_size(52)
        .y_label_area_size(64)
        .build_cartesian_2d(0f64..length_km, 0u64..top)
        .map_err(drawing)?;

    let band_top = chart.backend_coord(&(0.0, top)).1;
    let band_bottom = chart.backend_coord(&(0.0, 0)).1;

    // Section bands, their boundaries and labels, under everything else.
    let section_style =
        TextStyle::from(("sans-serif", 17).into_font()).color(&INK).pos(Pos::new(HPos::Center, VPos::Top));
    for (index, section) in strip.sections.iter().enumerate() {
        let (left, right) = (x_px(&chart, section.start_km), x_px(&chart, section.end_km));
        let fill = SECTION_FILLS[index % SECTION_FILLS.len()];
        root.draw(&Rectangle::new([(left, band_top), (right, band_bottom)], fill.filled())).map_err(drawing)?;
        if index > 0 {
            root.draw(&PathElement::new(vec![(left, band_top), (left, band_bottom)], FAINT.stroke_width(2)))
                .map_err(drawing)?;
        }
        root.draw(&Text::new(section.label.clone(), ((left + right) / 2, band_top + 6), section_style.clone()))
            .map_err(drawing)?;
    }

    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(RGBColor(0xE4, 0xE4, 0xE4))
        .bold_line_style(RGBColor(0xD0, 0xD0, 0xD0))
        .x_labels(8)
        .y_labels(6)
        .x_label_formatter(&|km| format!("{km:.0}"))
        .y_label_formatter(&|count| count.to_string())
        .label_style(("sans-serif", 16).into_font().color(&INK))
        .axis_desc_style(("sans-serif", 17).into_font().color(&INK))
        .x_desc(labels.x_axis.clone())
        .y_desc(labels.y_axis.clone())
        .draw()
        .map_err(drawing)?;

    // The end of the axis is the length of the line: say it, the ticks stop at a round number.
    let end_style = TextStyle::from(("sans-serif", 16).into_font().style(FontStyle::Bold))
        .color(&INK)
        .pos(Pos::new(HPos::Center, VPos::Top));
    let end_label = format!("{length_km:.0}");
    root.draw(&Text::new(end_label, (x_px(&chart, length_km), band_bottom + 8), end_style)).map_err(drawing)?;

    // Paired bars: the base year in the left half of its bin, the compared year in the right.
    for bin in &strip.bins {
        let (left, right) = (x_px(&chart, bin.start_km), x_px(&chart, bin.end_km));
        let middle = (left + right) / 2;
        for (count, from, to, color) in
            [(bin.base, left, middle, BASE_COLOR), (bin.compare, middle, right, COMPARE_COLOR)]
        {
            if count == 0 {
                continue;
            }
            let y = chart.backend_coord(&(0.0, count)).1;
            let to = to.max(from + 1);
            root.draw(&Rectangle::new([(from, y), (to, band_bottom)], color.filled())).map_err(drawing)?;
        }
    }
    Ok(())
}

/// The horizontal backend coordinate of a km (clamped to the axis).
fn x_px(chart: &ChartContext<'_, SVGBackend<'_>, Cartesian2d<RangedCoordf64, RangedCoordu64>>, km: f64) -> i32 {
    let range = chart.x_range();
    chart.backend_coord(&(km.clamp(range.start, range.end), 0)).0
}

#[cfg(test)]
mod tests {
    use super::super::tests::check_xml;
    use super::*;

    fn fill(color: RGBColor) -> String {
        format!("fill=\"#{:02X}{:02X}{:02X}\"", color.0, color.1, color.2)
    }

    fn rects_filled(svg: &str, color: RGBColor) -> usize {
        let fill = fill(color);
        svg.split("<rect")
            .skip(1)
            .filter(|tag| tag.split('>').next().is_some_and(|attrs| attrs.contains(&fill)))
            .count()
    }

    /// The trimmed contents of the `<text>` elements.
    fn texts(svg: &str) -> Vec<String> {
        svg.split("<text")
            .skip(1)
            .filter_map(|tag| Some(tag.split_once('>')?.1.split_once("</text>")?.0.trim().to_owned()))
            .collect()
    }

    fn strip(bins: Vec<StripBin>) -> BorderStrip {
        BorderStrip {
            length_km: 673.2,
            bins,
            sections: vec![
                StripSection { start_km: 0.0, end_km: 290.3, label: "中缅边界".into() },
                StripSection { start_km: 290.3, end_km: 673.2, label: "China–Laos <border> & \"more\"".into() },
            ],
            labels: StripLabels {
                title: "Incidents per 10 km of border".into(),
                description: "2023 against 2024 <all> & sundry".into(),
                x_axis: "km from the western end".into(),
                y_axis: "incidents".into(),
                base: "2023".into(),
                compare: "2024".into(),
            },
        }
    }

    fn bins_of(counts: &[(u64, u64)], bin_km: f64, length_km: f64) -> Vec<StripBin> {
        counts
            .iter()
            .enumerate()
            .map(|(i, (base, compare))| StripBin {
                start_km: i as f64 * bin_km,
                end_km: ((i + 1) as f64 * bin_km).min(length_km),
                base: *base,
                compare: *compare,
            })
            .collect()
    }

    #[test]
    fn the_svg_is_well_formed_and_scales_by_its_view_box() {
        let counts: Vec<(u64, u64)> = (0..68).map(|i| (i % 3, i % 5)).collect();
        let svg = render(&strip(bins_of(&counts, 10.0, 673.2))).unwrap();
        let names = check_xml(&svg).unwrap_or_else(|error| panic!("{error}\n{svg}"));
        assert_eq!(&names[..3], ["svg", "title", "desc"]);
        assert!(svg.contains(&format!(r#"viewBox="0 0 {WIDTH} {HEIGHT}""#)));
        assert!(svg.contains(r#"role="img""#));
    }

    #[test]
    fn there_is_one_bar_per_non_zero_count_besides_the_legend_swatch() {
        let counts = [(0, 0), (2, 0), (0, 5), (1, 1), (0, 0), (7, 3)];
        let svg = render(&strip(bins_of(&counts, 10.0, 55.0))).unwrap();
        let base_bars = counts.iter().filter(|(base, _)| *base > 0).count();
        let compare_bars = counts.iter().filter(|(_, compare)| *compare > 0).count();
        assert_eq!(rects_filled(&svg, BASE_COLOR), base_bars + 1);
        assert_eq!(rects_filled(&svg, COMPARE_COLOR), compare_bars + 1);
    }

    #[test]
    fn a_taller_count_draws_a_taller_bar() {
        let svg = render(&strip(bins_of(&[(2, 8)], 10.0, 10.0))).unwrap();
        let heights: Vec<i32> = svg
            .split("<rect")
            .skip(1)
            .filter(|tag| tag.contains(&fill(BASE_COLOR)) || tag.contains(&fill(COMPARE_COLOR)))
            .filter_map(|tag| tag.split("height=\"").nth(1)?.split('"').next()?.parse().ok())
            .collect();
        // Legend swatches (14 units high) first, then the base bar and the compared bar.
        assert_eq!(heights.len(), 4);
        assert!(heights[3] > heights[2] * 3, "{heights:?}");
    }

    #[test]
    fn labels_are_present_and_escaped() {
        let svg = render(&strip(Vec::new())).unwrap();
        assert!(svg.contains("中缅边界"));
        assert!(svg.contains("China–Laos &lt;border&gt; &amp; &quot;more&quot;"));
        assert!(svg.contains("<desc id=\"chart-border-strip-desc\">2023 against 2024 &lt;all&gt; &amp; sundry</desc>"));
        let texts = texts(&svg);
        for label in ["km from the western end", "incidents", "2023", "2024", "Incidents per 10 km of border"] {
            assert!(texts.iter().any(|text| text == label), "{label} in {texts:?}");
        }
        assert!(!svg.contains("<border>"));
        check_xml(&svg).unwrap();
    }

    #[test]
    fn a_bin_narrower_than_a_unit_still_gets_a_visible_bar() {
        let counts: Vec<(u64, u64)> = (0..674).map(|i| if i == 300 { (1, 1) } else { (0, 0) }).collect();
        let svg = render(&strip(bins_of(&counts, 1.0, 673.2))).unwrap();
        let widths: Vec<i32> = svg
            .split("<rect")
            .skip(1)
            .filter(|tag| tag.contains(&fill(COMPARE_COLOR)))
            .filter_map(|tag| tag.split("width=\"").nth(1)?.split('"').next()?.parse().ok())
            .collect();
        assert_eq!(widths.len(), 2);
        assert!(widths.iter().all(|width| *width >= 1), "{widths:?}");
    }
}
