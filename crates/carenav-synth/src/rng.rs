//! A tiny, fully specified pseudo-random generator.
//!
//! SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number
//! generators", OOPSLA 2014; the constants of Vigna's reference C code):
//! 64 bits of state, advanced by a fixed odd increment and mixed by two
//! multiply-xorshift rounds. It is written out here rather than taken from a
//! crate so that a seed gives the same stream on every platform and after
//! every dependency upgrade: the stream is part of the generator's output
//! format. Everything derived from it uses integer arithmetic and IEEE
//! operations that are exactly rounded (+, ×, ÷), never `ln`, `sin` or `cos`
//! from the platform's maths library.

/// SplitMix64 state.
#[derive(Debug, Clone)]
pub struct Rng {
    state: u64,
}

impl Rng {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Self {
        Rng { state: seed }
    }

    /// An independent stream for a sub-task, derived from this seed and a
    /// label, so adding draws to one part of the generator does not shift
    /// the others.
    pub fn fork(seed: u64, label: u64) -> Self {
        let mut base = Rng::new(seed ^ label.wrapping_mul(0xA076_1D64_78BD_642F));
        Rng::new(base.next_u64())
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0), by Lemire's multiply-shift
    /// (a bias below 2^-40 for the small `n` used here).
    pub fn below(&mut self, n: usize) -> usize {
        let wide = u128::from(self.next_u64()) * n as u128;
        usize::try_from(wide >> 64).unwrap_or(0)
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: u32, hi: u32) -> u32 {
        let span = hi.saturating_sub(lo) as usize + 1;
        lo + u32::try_from(self.below(span)).unwrap_or(0)
    }

    /// A float in `[0, 1)` with 53 random bits.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// `true` with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// One element of a slice (None when empty).
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len()))
    }

    /// An index drawn with probability proportional to `weights`.
    pub fn weighted(&mut self, weights: &[f64]) -> usize {
        let total: f64 = weights.iter().sum();
        let mut x = self.unit() * total;
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        weights.len().saturating_sub(1)
    }

    /// A point in the unit disk (rejection sampling: no trigonometry).
    pub fn in_unit_disk(&mut self) -> (f64, f64) {
        loop {
            let x = self.unit() * 2.0 - 1.0;
            let y = self.unit() * 2.0 - 1.0;
            if x * x + y * y <= 1.0 {
                return (x, y);
            }
        }
    }
}

/// cos of an angle in degrees for |deg| ≤ 90, by its Taylor series (error
/// below 1e-9 at 72°): only + and ×, so the same on every platform.
pub fn cos_deg(deg: f64) -> f64 {
    let x = deg.clamp(-90.0, 90.0) * (std::f64::consts::PI / 180.0);
    let x2 = x * x;
    let mut term = 1.0;
    let mut sum = 1.0;
    for k in 1..=10u32 {
        let k = f64::from(k);
        term *= -x2 / ((2.0 * k - 1.0) * (2.0 * k));
        sum += term;
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stream_is_fixed() {
        // Reference values of SplitMix64 seeded with 1234567 (Vigna's C code).
        let mut r = Rng::new(1234567);
        assert_eq!(r.next_u64(), 6457827717110365317);
        assert_eq!(r.next_u64(), 3203168211198807973);
        assert_eq!(r.next_u64(), 9817491932198370423);
    }

    #[test]
    fn cos_is_accurate() {
        for deg in [0.0, 25.7, 37.77, 47.6, 61.2, 72.0] {
            assert!(
                (cos_deg(deg) - deg.to_radians().cos()).abs() < 1e-9,
                "{deg}"
            );
        }
    }

    #[test]
    fn below_and_weighted_stay_in_range() {
        let mut r = Rng::new(7);
        for _ in 0..10_000 {
            assert!(r.below(13) < 13);
            assert!(r.weighted(&[1.0, 0.0, 3.0]) != 1);
            let (x, y) = r.in_unit_disk();
            assert!(x * x + y * y <= 1.0);
        }
        assert_eq!(r.below(0), 0);
    }
}
