//! The stretch of the line between two km stations, as polylines: what a map draws for a km bin
//! of the border or for a post's sector.
//!
//! Positions are WGS84 `[lon, lat]` degrees; the ends are the stations [`Border::point_at`]
//! gives, and every vertex of the line strictly between them is kept, so the slice follows the
//! line exactly and its geodesic length is `end_km − start_km`.

use super::Border;

impl Border {
    /// The part of the line from `start_km` to `end_km` (km from km 0), as polylines of WGS84
    /// `[lon, lat]` degrees, each with at least two distinct positions.
    ///
    /// The range is clamped to `0..=length_km()`. An empty range (after clamping
    /// `start_km >= end_km`, which includes an inverted one and one wholly off the line) or a
    /// NaN bound gives an empty `Vec`, not an error: a km bin or a sector that covers no line
    /// simply has nothing to draw.
    ///
    /// The loader joins the sections at the tripoint into one continuous line, so a valid range
    /// always gives exactly one polyline, even across the tripoint. The result is a list so that
    /// callers already handle a line with gaps between sections (a MultiLineString).
    ///
    /// ```
    /// use banna_border::border::Border;
    ///
    /// let border = Border::bundled();
    /// let parts = border.slice(100.0, 110.0);
    /// assert_eq!(parts.len(), 1);
    /// let start = border.point_at(100.0).unwrap();
    /// assert_eq!(parts[0][0], [start.lon, start.lat]);
    /// assert!(border.slice(110.0, 100.0).is_empty());
    /// ```
    pub fn slice(&self, start_km: f64, end_km: f64) -> Vec<Vec<[f64; 2]>> {
        if start_km.is_nan() || end_km.is_nan() {
            return Vec::new();
        }
        let length_km = self.length_km();
        let start_km = start_km.clamp(0.0, length_km);
        let end_km = end_km.clamp(0.0, length_km);
        if start_km >= end_km {
            return Vec::new();
        }
        let (Some(start), Some(end)) = (self.point_at(start_km), self.point_at(end_km)) else {
            return Vec::new();
        };
        let first_inside = self.cum_km.partition_point(|&km| km <= start_km);
        let past_inside = self.cum_km.partition_point(|&km| km < end_km);
        let inside = self.vertices.get(first_inside..past_inside).unwrap_or_default();

        let mut part: Vec<[f64; 2]> = Vec::with_capacity(inside.len() + 2);
        for position in
            std::iter::once([start.lon, start.lat]).chain(inside.iter().copied()).chain([[end.lon, end.lat]])
        {
            // `point_at` snaps to a vertex within a tenth of a millimetre; keep such a vertex once.
            if part.last() != Some(&position) {
                part.push(position);
            }
        }
        if part.len() < 2 {
            return Vec::new();
        }
        vec![part]
    }
}

#[cfg(test)]
mod tests {
    use super::super::geodesy::distance_m;
    use super::super::tests::northward;
    use super::*;

    fn length_km(parts: &[Vec<[f64; 2]>]) -> f64 {
        parts.iter().flat_map(|part| part.windows(2)).map(|w| distance_m(w[0], w[1])).sum::<f64>() / 1000.0
    }

    fn station(border: &Border, km: f64) -> [f64; 2] {
        let s = border.point_at(km).unwrap();
        [s.lon, s.lat]
    }

    #[test]
    fn the_ends_are_the_stations_of_point_at() {
        let border = Border::bundled();
        for (start, end) in [(0.0, 10.0), (123.4, 133.4), (290.0, 300.0), (660.0, border.length_km())] {
            let parts = border.slice(start, end);
            assert_eq!(parts.len(), 1, "{start}..{end}");
            let part = &parts[0];
            assert_eq!(part[0], station(border, start));
            assert_eq!(*part.last().unwrap(), station(border, end));
        }
    }

    #[test]
    fn the_geodesic_length_is_the_km_range() {
        let border = Border::bundled();
        let tripoint_km = border.sections()[1].start_km;
        let ranges = [(0.0, 10.0), (5.5, 6.0), (tripoint_km - 4.0, tripoint_km + 6.0), (300.0, 500.0), (670.0, 673.0)];
        for (start, end) in ranges {
            let measured = length_km(&border.slice(start, end));
            assert!((measured - (end - start)).abs() < 1e-6, "{start}..{end}: {measured} km");
        }
    }

    #[test]
    fn the_interior_positions_are_the_line_vertices_between_the_ends() {
        let border = Border::bundled();
        let (start, end) = (200.0, 260.0);
        let part = &border.slice(start, end)[0];
        let expected: Vec<[f64; 2]> = border
            .vertices()
            .iter()
            .zip(border.vertex_km())
            .filter(|(_, km)| start < **km && **km < end)
            .map(|(v, _)| *v)
            .collect();
        assert!(!expected.is_empty());
        assert_eq!(&part[1..part.len() - 1], expected.as_slice());
    }

    #[test]
    fn the_whole_range_is_the_line() {
        let border = Border::bundled();
        let parts = border.slice(0.0, border.length_km());
        assert_eq!(parts, vec![border.vertices().to_vec()]);
        assert_eq!(border.slice(-50.0, border.length_km() + 50.0), parts, "clamped to the line");
    }

    #[test]
    fn a_range_starting_or_ending_on_a_vertex_repeats_no_position() {
        let border = Border::bundled();
        let km = border.vertex_km()[10];
        let after = &border.slice(km, km + 3.0)[0];
        assert_eq!(after[0], border.vertices()[10]);
        assert!(after.windows(2).all(|w| w[0] != w[1]));
        let before = &border.slice(km - 3.0, km)[0];
        assert_eq!(*before.last().unwrap(), border.vertices()[10]);
        assert!(before.windows(2).all(|w| w[0] != w[1]));
    }

    #[test]
    fn a_range_across_the_tripoint_is_one_part_through_it() {
        let border = northward();
        let tripoint_km = border.sections()[1].start_km;
        let parts = border.slice(tripoint_km - 1.0, tripoint_km + 1.0);
        assert_eq!(parts.len(), 1);
        assert_eq!(parts[0].len(), 3);
        assert_eq!(parts[0][1], [100.0, 21.5]);
    }

    #[test]
    fn empty_inverted_and_nan_ranges_give_nothing() {
        let border = Border::bundled();
        assert!(border.slice(10.0, 10.0).is_empty());
        assert!(border.slice(20.0, 10.0).is_empty());
        assert!(border.slice(f64::NAN, 10.0).is_empty());
        assert!(border.slice(0.0, f64::NAN).is_empty());
        assert!(border.slice(-20.0, -10.0).is_empty());
        assert!(border.slice(border.length_km() + 1.0, border.length_km() + 2.0).is_empty());
    }

    #[test]
    fn a_range_within_one_segment_is_its_two_stations() {
        let border = northward();
        let parts = border.slice(1.0, 2.0);
        assert_eq!(parts, vec![vec![station(&border, 1.0), station(&border, 2.0)]]);
    }
}
