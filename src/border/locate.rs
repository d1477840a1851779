//! Finds where a point stands relative to the border: km along the line, distance, side.

/// Spatial index over the line's segments (filled in by milestone 2).
#[derive(Debug, Clone, Default)]
pub(crate) struct SegmentIndex;

impl SegmentIndex {
    /// Builds the index over the segments of a line (lon/lat vertices, km per vertex).
    pub(crate) fn build(_vertices: &[[f64; 2]], _cum_km: &[f64], _azimuth_deg: &[f64]) -> Self {
        SegmentIndex
    }
}
