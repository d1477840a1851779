//! The statistics behind the hotspot list: is a bin's rise from one period to the next more
//! than chance? Two Poisson counts compared by the conditional binomial test, exact in log
//! space for counts up to millions, and the Benjamini–Hochberg false discovery rate across
//! the bins tested at once. Pure arithmetic, no dependencies.
//!
//! The test: let `b` incidents fall in the base period (length `t_b`) and `c` in the compared
//! period (length `t_c`), each a Poisson count. Given their sum `n = b + c`, the compared
//! count is Binomial(`n`, `p0`) with `p0 = t_c / (t_b + t_c)` when both periods have the same
//! rate (H0). The one-sided p-value of a rise is `P(X ≥ c)` under that binomial.

use std::f64::consts::PI;

use super::DomainError;

/// The false discovery rate a hotspot query keeps to (`alpha`): above 0 and below 0.5 (at 0.5
/// or more a one-sided p-value no longer implies a rise).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FdrLevel(f64);

impl FdrLevel {
    /// The level when none is asked for.
    pub const DEFAULT: FdrLevel = FdrLevel(0.05);

    /// Parses a level such as `0.05`.
    ///
    /// ```
    /// use banna_border::domain::stats::FdrLevel;
    /// assert_eq!(FdrLevel::parse(" 0.1 ").unwrap().value(), 0.1);
    /// assert!(FdrLevel::parse("0").is_err() && FdrLevel::parse("0.5").is_err() && FdrLevel::parse("5%").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<FdrLevel, DomainError> {
        text.trim()
            .parse::<f64>()
            .ok()
            .filter(|alpha| *alpha > 0.0 && *alpha < 0.5)
            .map(FdrLevel)
            .ok_or_else(|| DomainError::InvalidAlpha { value: text.to_owned() })
    }

    pub fn value(self) -> f64 {
        self.0
    }
}

impl Default for FdrLevel {
    fn default() -> Self {
        FdrLevel::DEFAULT
    }
}

/// `ln(2π) / 2`.
const LN_SQRT_2PI: f64 = 0.918_938_533_204_672_8;

/// Below this, `ln m!` is summed term by term; from here on the Stirling series is used.
const STIRLING_FROM: u64 = 16;

/// `ln m!`, exact to the last few bits for every `m` (summed for small `m`, the Stirling series
/// of [`stirling_error`] otherwise).
///
/// ```
/// use banna_border::domain::stats::ln_factorial;
/// assert!((ln_factorial(5) - 120_f64.ln()).abs() < 1e-14);
/// assert_eq!(ln_factorial(0), 0.0);
/// ```
pub fn ln_factorial(m: u64) -> f64 {
    if m < STIRLING_FROM {
        return (2..=m).map(|i| (i as f64).ln()).sum();
    }
    let x = m as f64;
    (x + 0.5) * x.ln() - x + LN_SQRT_2PI + stirling_error(m)
}

/// The error of Stirling's formula, `ln m! − ((m + ½) ln m − m + ln √(2π))`, for `m ≥ 1`.
/// Computed directly for small `m`; for `m ≥ 16` from the asymptotic series
/// `1/(12m) − 1/(360m³) + 1/(1260m⁵) − 1/(1680m⁷) + 1/(1188m⁹)` (the Bernoulli numbers
/// `B₂ₖ / (2k(2k − 1))`), whose first omitted term is below 1e-15 there.
fn stirling_error(m: u64) -> f64 {
    let x = m as f64;
    if m < STIRLING_FROM {
        let ln_fact: f64 = (2..=m).map(|i| (i as f64).ln()).sum();
        return ln_fact - ((x + 0.5) * x.ln() - x + LN_SQRT_2PI);
    }
    let inv = 1.0 / x;
    let inv2 = inv * inv;
    inv * (1.0 / 12.0 - inv2 * (1.0 / 360.0 - inv2 * (1.0 / 1260.0 - inv2 * (1.0 / 1680.0 - inv2 / 1188.0))))
}

/// `x ln(x / mean) + mean − x`, the deviance term of a count `x` against its `mean`, computed
/// without cancellation when `x` is close to `mean` (by the series of `ln((1 + v)/(1 − v))`
/// with `v = (x − mean)/(x + mean)`).
fn deviance_term(x: f64, mean: f64) -> f64 {
    if x == 0.0 {
        return mean;
    }
    if (x - mean).abs() < 0.1 * (x + mean) {
        let v = (x - mean) / (x + mean);
        let mut sum = (x - mean) * v;
        let mut power = 2.0 * x * v;
        let v2 = v * v;
        for j in 1..1000 {
            power *= v2;
            let next = sum + power / f64::from(2 * j + 1);
            if next == sum {
                break;
            }
            sum = next;
        }
        return sum;
    }
    x * (x / mean).ln() + mean - x
}

/// `ln P(X = k)` for `X ~ Binomial(n, p)`, `0 ≤ p ≤ 1`; `-inf` where the probability is 0.
///
/// In the saddle-point form `ln C(n,k) pᵏ qⁿ⁻ᵏ = s(n) − s(k) − s(n−k) − d(k, np) − d(n−k, nq)
/// + ½ ln(n / (2π k (n − k)))` with `s` the Stirling error and `d` the deviance term, which
/// keeps full precision for `n` in the millions (no difference of huge `ln n!`).
pub fn binomial_ln_pmf(n: u64, k: u64, p: f64) -> f64 {
    if k > n {
        return f64::NEG_INFINITY;
    }
    let q = 1.0 - p;
    if p <= 0.0 {
        return if k == 0 { 0.0 } else { f64::NEG_INFINITY };
    }
    if q <= 0.0 {
        return if k == n { 0.0 } else { f64::NEG_INFINITY };
    }
    let nf = n as f64;
    if k == 0 {
        return nf * (-p).ln_1p();
    }
    if k == n {
        return nf * p.ln();
    }
    let (kf, rest) = (k as f64, (n - k) as f64);
    stirling_error(n)
        - stirling_error(k)
        - stirling_error(n - k)
        - deviance_term(kf, nf * p)
        - deviance_term(rest, nf * q)
        + 0.5 * (nf / (2.0 * PI * kf * rest)).ln()
}

/// `P(X ≥ k)` for `X ~ Binomial(n, p)`: the one-sided p-value of `k` successes or more.
///
/// Summed from the term at `k` away from the mode, each term from the one before by the ratio
/// of neighbouring binomial probabilities, relative to the first (so nothing overflows) until
/// the terms no longer change the sum: above the mean the upper tail itself, at or below it
/// one minus the lower tail `P(X ≤ k − 1)` (which is then the small side).
///
/// ```
/// use banna_border::domain::stats::binomial_upper_tail;
/// // 3 heads or more in 3 fair tosses: 1/8.
/// assert!((binomial_upper_tail(3, 3, 0.5) - 0.125).abs() < 1e-15);
/// assert_eq!(binomial_upper_tail(10, 0, 0.3), 1.0);
/// ```
pub fn binomial_upper_tail(n: u64, k: u64, p: f64) -> f64 {
    if k == 0 {
        return 1.0;
    }
    if k > n || p <= 0.0 {
        return 0.0;
    }
    if p >= 1.0 {
        return 1.0;
    }
    let odds = p / (1.0 - p);
    if k as f64 > n as f64 * p {
        // Terms fall from k upwards (k is at or past the mode).
        let mut sum = 1.0_f64;
        let mut term = 1.0_f64;
        let mut i = k;
        while i < n {
            term *= (n - i) as f64 / (i + 1) as f64 * odds;
            i += 1;
            let next = sum + term;
            if next == sum {
                break;
            }
            sum = next;
        }
        (binomial_ln_pmf(n, k, p) + sum.ln()).exp().min(1.0)
    } else {
        // Terms fall from k − 1 downwards (k − 1 is below the mode).
        let mut sum = 1.0_f64;
        let mut term = 1.0_f64;
        let mut i = k - 1;
        while i > 0 {
            term *= i as f64 / (n - i + 1) as f64 / odds;
            i -= 1;
            let next = sum + term;
            if next == sum {
                break;
            }
            sum = next;
        }
        let lower = (binomial_ln_pmf(n, k - 1, p) + sum.ln()).exp();
        (1.0 - lower).clamp(0.0, 1.0)
    }
}

/// The one-sided p-value of a rise from `base` events over a period of length `base_length`
/// to `compare` events over `compare_length` (any unit, the same for both; positive), under
/// H0 "the same Poisson rate in both periods": the conditional binomial test,
/// `P(X ≥ compare)` with `X ~ Binomial(base + compare, compare_length / (base_length +
/// compare_length))`. Both counts zero give 1.
///
/// ```
/// use banna_border::domain::stats::rise_p_value;
/// // 0 then 4 over equal periods: all four fell in the second half, (1/2)⁴.
/// assert!((rise_p_value(0, 4, 1.0, 1.0) - 0.0625).abs() < 1e-15);
/// ```
pub fn rise_p_value(base: u64, compare: u64, base_length: f64, compare_length: f64) -> f64 {
    let total = base_length + compare_length;
    let p0 = if total > 0.0 { compare_length / total } else { 0.5 };
    binomial_upper_tail(base + compare, compare, p0)
}

/// Benjamini–Hochberg adjusted p-values ("q-values"), in the order of `p_values`: for the
/// `i`-th smallest of `m` p-values, `qᵢ = min over j ≥ i of (m / j) p₍ⱼ₎`, capped at 1.
/// Rejecting every hypothesis with `q ≤ α` is the step-up procedure that keeps the expected
/// share of false discoveries at or below `α` (for independent or positively dependent
/// tests). NaN p-values are treated as 1.
///
/// ```
/// use banna_border::domain::stats::benjamini_hochberg;
/// let q = benjamini_hochberg(&[0.01, 0.04, 0.03, 0.005]);
/// let expected = [0.02, 0.04, 0.04, 0.02];
/// assert!(q.iter().zip(expected).all(|(q, e)| (q - e).abs() < 1e-15));
/// ```
pub fn benjamini_hochberg(p_values: &[f64]) -> Vec<f64> {
    let m = p_values.len();
    let clean = |p: f64| if p.is_nan() { 1.0 } else { p.clamp(0.0, 1.0) };
    let mut order: Vec<usize> = (0..m).collect();
    order.sort_by(|&a, &b| clean(p_values[a]).total_cmp(&clean(p_values[b])));
    let mut q = vec![1.0; m];
    let mut running = 1.0_f64;
    for (rank, &index) in order.iter().enumerate().rev() {
        let adjusted = clean(p_values[index]) * m as f64 / (rank + 1) as f64;
        running = running.min(adjusted);
        q[index] = running;
    }
    q
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `C(n, k)` exactly, for `n` up to 120 or so.
    fn choose(n: u32, k: u32) -> u128 {
        let mut c: u128 = 1;
        for i in 0..k {
            c = c * u128::from(n - i) / u128::from(i + 1);
        }
        c
    }

    /// `P(X ≥ k)` for `p = a/b` by the exact rational sum `Σ C(n,i) aⁱ (b−a)ⁿ⁻ⁱ / bⁿ`, the
    /// numerator and the denominator each exact in u128, divided once at the end.
    fn exact_tail(n: u32, k: u32, a: u128, b: u128) -> f64 {
        let numerator: u128 = (k..=n).map(|i| choose(n, i) * a.pow(i) * (b - a).pow(n - i)).sum();
        numerator as f64 / b.pow(n) as f64
    }

    fn close(actual: f64, expected: f64, relative: f64) -> bool {
        (actual - expected).abs() <= relative * expected.abs().max(f64::MIN_POSITIVE)
    }

    #[test]
    fn ln_factorial_matches_the_product_and_is_smooth_across_the_series_switch() {
        let mut product = 1.0_f64;
        for m in 1..=170_u64 {
            product *= m as f64;
            assert!(close(ln_factorial(m), product.ln(), 1e-14), "{m}: {} vs {}", ln_factorial(m), product.ln());
        }
        // ln m! − ln (m−1)! = ln m on both sides of the switch and far beyond.
        for m in [15_u64, 16, 17, 1000, 1_000_000] {
            let step = ln_factorial(m) - ln_factorial(m - 1);
            assert!((step - (m as f64).ln()).abs() < 1e-7 * (m as f64).ln().max(1.0), "{m}");
        }
    }

    #[test]
    fn small_tails_equal_the_exact_rational_sums() {
        // Fair coins up to n = 100 (2¹⁰⁰ fits in u128) and p = 1/3 and 366/731 for small n.
        for n in [1_u32, 2, 5, 10, 17, 40, 100] {
            for k in 0..=n {
                let expected = exact_tail(n, k, 1, 2);
                let actual = binomial_upper_tail(u64::from(n), u64::from(k), 0.5);
                assert!(close(actual, expected, 1e-12), "n={n} k={k}: {actual} vs {expected}");
            }
        }
        for n in [3_u32, 12, 30, 60] {
            for k in 0..=n {
                let expected = exact_tail(n, k, 1, 3);
                let actual = binomial_upper_tail(u64::from(n), u64::from(k), 1.0 / 3.0);
                assert!(close(actual, expected, 1e-12), "n={n} k={k}: {actual} vs {expected}");
            }
        }
        for n in [1_u32, 4, 9, 13] {
            for k in 0..=n {
                let expected = exact_tail(n, k, 366, 731);
                let actual = binomial_upper_tail(u64::from(n), u64::from(k), 366.0 / 731.0);
                assert!(close(actual, expected, 1e-12), "n={n} k={k}: {actual} vs {expected}");
            }
        }
    }

    #[test]
    fn tiny_tails_keep_their_relative_precision() {
        // 100 of 100 with p = 1/2 is 2⁻¹⁰⁰; 95 or more is (C(100,95)+…+1)/2¹⁰⁰.
        assert!(close(binomial_upper_tail(100, 100, 0.5), 0.5_f64.powi(100), 1e-13));
        assert!(close(binomial_upper_tail(100, 95, 0.5), exact_tail(100, 95, 1, 2), 1e-12));
        // Far beyond f64's range the tail is 0, not NaN.
        assert_eq!(binomial_upper_tail(2000, 2000, 0.5), 0.0);
    }

    #[test]
    fn a_fair_coin_is_symmetric_at_any_size() {
        for n in [11_u64, 1000, 99_999, 1_000_000, 3_000_001] {
            for offset in [0_u64, 1, 7, 300, 2500] {
                let k = n / 2 + 1 + offset;
                if k > n {
                    continue;
                }
                // P(X ≥ k) = P(X ≤ n − k) = 1 − P(X ≥ n − k + 1).
                let upper = binomial_upper_tail(n, k, 0.5);
                let mirrored = 1.0 - binomial_upper_tail(n, n - k + 1, 0.5);
                assert!((upper - mirrored).abs() < 1e-12, "n={n} k={k}: {upper} vs {mirrored}");
            }
        }
        // For even n, P(X ≥ n/2) = ½ + P(X = n/2)/2, and P(X = n/2) ≈ √(2/(πn))(1 − 1/(4n)).
        let n = 1_000_000_u64;
        let centre = (2.0 / (PI * n as f64)).sqrt() * (1.0 - 0.25 / n as f64);
        assert!(close(binomial_ln_pmf(n, n / 2, 0.5).exp(), centre, 1e-9));
        assert!(close(binomial_upper_tail(n, n / 2, 0.5), 0.5 + centre / 2.0, 1e-12));
    }

    /// `P(X ≥ k)` with the weights of every term from the mode outwards by the ratio of
    /// neighbours, normalised by their own sum: no factorials, no logarithms.
    fn tail_by_normalised_weights(n: u64, k: u64, p: f64) -> f64 {
        let odds = p / (1.0 - p);
        let mode = (((n + 1) as f64) * p).floor() as u64;
        let mut weights = vec![0.0_f64; n as usize + 1];
        weights[mode as usize] = 1.0;
        for i in mode..n {
            weights[i as usize + 1] = weights[i as usize] * (n - i) as f64 / (i + 1) as f64 * odds;
        }
        for i in (1..=mode).rev() {
            weights[i as usize - 1] = weights[i as usize] * i as f64 / (n - i + 1) as f64 / odds;
        }
        let total: f64 = weights.iter().sum();
        weights[k as usize..].iter().sum::<f64>() / total
    }

    #[test]
    fn large_tails_agree_with_normalised_weights_and_the_normal_approximation() {
        let n = 1_000_000_u64;
        let p = 366.0 / 731.0;
        let mean = n as f64 * p;
        let sd = (mean * (1.0 - p)).sqrt();
        for z in [-3.0, -0.5, 0.0, 0.7, 2.0, 4.0, 6.0] {
            let k = (mean + z * sd).round() as u64;
            let actual = binomial_upper_tail(n, k, p);
            let expected = tail_by_normalised_weights(n, k, p);
            assert!(close(actual, expected, 1e-9), "z={z}: {actual} vs {expected}");
            // The normal approximation with the continuity correction, its tail integrated
            // here by Simpson's rule: close, not equal (skew is tiny at this n).
            let normal = normal_upper_tail((k as f64 - 0.5 - mean) / sd);
            assert!(close(actual, normal, 2e-3), "z={z}: {actual} vs normal {normal}");
        }
    }

    /// `P(Z ≥ z)` for a standard normal `Z`, by Simpson's rule on the density out to 12.
    fn normal_upper_tail(z: f64) -> f64 {
        if z < 0.0 {
            return 1.0 - normal_upper_tail(-z);
        }
        let (a, b, steps) = (z, 12.0_f64, 20_000);
        let h = (b - a) / f64::from(steps);
        let density = |x: f64| (-0.5 * x * x).exp() / (2.0 * PI).sqrt();
        let inner: f64 = (1..steps).map(|i| density(a + f64::from(i) * h) * if i % 2 == 1 { 4.0 } else { 2.0 }).sum();
        (density(a) + inner + density(b)) * h / 3.0
    }

    #[test]
    fn degenerate_probabilities_and_counts_have_their_obvious_tails() {
        assert_eq!(binomial_upper_tail(5, 6, 0.5), 0.0);
        assert_eq!(binomial_upper_tail(5, 1, 0.0), 0.0);
        assert_eq!(binomial_upper_tail(5, 0, 0.0), 1.0);
        assert_eq!(binomial_upper_tail(5, 5, 1.0), 1.0);
        assert_eq!(binomial_upper_tail(0, 0, 0.5), 1.0);
        assert_eq!(rise_p_value(0, 0, 365.0, 366.0), 1.0);
        assert_eq!(binomial_ln_pmf(4, 0, 0.0), 0.0);
        assert_eq!(binomial_ln_pmf(4, 2, 1.0), f64::NEG_INFINITY);
    }

    #[test]
    fn the_conditional_test_weighs_the_periods_by_their_length() {
        // 2 then 5 over 365 and 366 days: P(X ≥ 5), X ~ Bin(7, 366/731).
        let expected = exact_tail(7, 5, 366, 731);
        assert!(close(rise_p_value(2, 5, 365.0, 366.0), expected, 1e-12));
        // A longer compared period makes the same counts less surprising.
        assert!(rise_p_value(2, 5, 100.0, 200.0) > rise_p_value(2, 5, 200.0, 200.0));
        // Equal counts over equal periods are no evidence of a rise.
        assert!(rise_p_value(10, 10, 1.0, 1.0) > 0.5);
    }

    /// The step-up rule as written: reject the `k` smallest p-values for the largest `k` with
    /// `p₍ₖ₎ ≤ k α / m`.
    fn step_up_rejections(p_values: &[f64], alpha: f64) -> Vec<bool> {
        let m = p_values.len();
        let mut sorted: Vec<f64> = p_values.to_vec();
        sorted.sort_by(f64::total_cmp);
        let cutoff = (1..=m).rev().find(|&k| sorted[k - 1] <= k as f64 * alpha / m as f64).map(|k| sorted[k - 1]);
        p_values.iter().map(|p| cutoff.is_some_and(|cutoff| *p <= cutoff)).collect()
    }

    #[test]
    fn q_values_reject_exactly_what_the_step_up_rule_rejects() {
        let sets: [&[f64]; 4] = [
            &[0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205, 0.212, 0.216, 0.222, 0.251, 0.269, 0.275],
            &[0.5, 0.01, 0.011, 0.9, 0.0001, 0.049],
            &[0.2, 0.2, 0.2],
            &[],
        ];
        for p_values in sets {
            let q = benjamini_hochberg(p_values);
            assert_eq!(q.len(), p_values.len());
            for (p, q) in p_values.iter().zip(&q) {
                assert!(q >= p && *q <= 1.0, "q {q} for p {p}");
            }
            for alpha in [0.01, 0.05, 0.1, 0.25] {
                let by_q: Vec<bool> = q.iter().map(|q| *q <= alpha).collect();
                assert_eq!(by_q, step_up_rejections(p_values, alpha), "{p_values:?} at {alpha}");
            }
        }
        // One p-value is its own q-value; NaN counts as 1.
        assert_eq!(benjamini_hochberg(&[0.03]), vec![0.03]);
        assert_eq!(benjamini_hochberg(&[f64::NAN, 0.01]), vec![1.0, 0.02]);
    }
}
