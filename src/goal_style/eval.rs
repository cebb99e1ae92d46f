//! The fixed development / held-out split used to measure the classifier.
//!
//! A row is held out when the 64-bit FNV-1a hash of its text (the exact UTF-8 bytes of the
//! `text` column) is divisible by 5, which holds out about 20% of rows. The rule depends on
//! the text only, so adding rows never moves existing rows between the parts. Tune on the
//! development part only; report the held-out figures.

/// 64-bit FNV-1a hash of `bytes`.
#[must_use]
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Whether a labelled row with this text belongs to the held-out part.
///
/// ```
/// use opmodel::goal_style::eval::is_holdout;
/// // deterministic: the same text always lands in the same part
/// assert_eq!(is_holdout("NPS 55"), is_holdout("NPS 55"));
/// ```
#[must_use]
pub fn is_holdout(text: &str) -> bool {
    fnv1a64(text.as_bytes()).is_multiple_of(5)
}

/// One labelled key result read from a TSV file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Labelled {
    /// The key result's text.
    pub text: String,
    /// Whether the label is `milestone` (else `outcome`).
    pub milestone: bool,
    /// The `org` column, or the default group the file was read with.
    pub group: String,
}

impl Labelled {
    /// This row as a training example of weight 1.
    #[must_use]
    pub fn example(&self) -> super::train::Example<'_> {
        super::train::Example {
            text: &self.text,
            milestone: self.milestone,
            group: &self.group,
            weight: 1.0,
        }
    }
}

/// Reads a labelled TSV: a header naming the columns `label` and `text` (any order, with
/// an optional `org` column), then one row per line. Rows whose label is neither
/// `outcome` nor `milestone`, or that lack a column, are skipped.
///
/// ```
/// use opmodel::goal_style::eval::read_labelled;
/// let rows = read_labelled("label\ttext\torg\nmilestone\tShip it\tacme\n", "other");
/// assert_eq!(rows.len(), 1);
/// assert!(rows[0].milestone);
/// assert_eq!(rows[0].group, "acme");
/// ```
#[must_use]
pub fn read_labelled(tsv: &str, default_group: &str) -> Vec<Labelled> {
    let mut lines = tsv.lines();
    let header: Vec<&str> = lines
        .next()
        .unwrap_or("")
        .split('\t')
        .map(str::trim)
        .collect();
    let col = |name: &str| header.iter().position(|c| *c == name);
    let (Some(label), Some(text)) = (col("label"), col("text")) else {
        return Vec::new();
    };
    let org = col("org");
    lines
        .filter_map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            let milestone = match cols.get(label)?.trim() {
                "milestone" => true,
                "outcome" => false,
                _ => return None,
            };
            Some(Labelled {
                text: (*cols.get(text)?).to_string(),
                milestone,
                group: org
                    .and_then(|i| cols.get(i))
                    .map_or(default_group, |g| g.trim())
                    .to_string(),
            })
        })
        .collect()
}

/// Counts of verdicts against labels: `[actual][predicted]`, 0 = outcome, 1 = milestone.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Confusion(pub [[u32; 2]; 2]);

impl Confusion {
    /// Records one verdict.
    pub fn add(&mut self, actual_milestone: bool, predicted_milestone: bool) {
        self.0[usize::from(actual_milestone)][usize::from(predicted_milestone)] += 1;
    }
    /// Adds another table's counts.
    pub fn merge(&mut self, other: &Self) {
        for a in 0..2 {
            for p in 0..2 {
                self.0[a][p] += other.0[a][p];
            }
        }
    }
    /// All rows counted.
    #[must_use]
    pub fn total(&self) -> u32 {
        self.0.iter().flatten().sum()
    }
    /// Share of verdicts that agree with the label.
    #[must_use]
    pub fn accuracy(&self) -> f64 {
        ratio(self.0[0][0] + self.0[1][1], self.total())
    }
    /// Share of milestone verdicts that are milestones.
    #[must_use]
    pub fn milestone_precision(&self) -> f64 {
        ratio(self.0[1][1], self.0[0][1] + self.0[1][1])
    }
    /// Share of milestones found.
    #[must_use]
    pub fn milestone_recall(&self) -> f64 {
        ratio(self.0[1][1], self.0[1][0] + self.0[1][1])
    }
}

fn ratio(a: u32, b: u32) -> f64 {
    if b == 0 {
        0.0
    } else {
        f64::from(a) / f64::from(b)
    }
}

/// One group's result in [`leave_one_group_out`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupResult {
    /// The group left out.
    pub group: String,
    /// Verdicts against labels on that group.
    pub confusion: Confusion,
    /// Indices (into the `test` rows) of the rows the classifier got wrong.
    pub misclassified: Vec<usize>,
}

/// Leave-one-group-out evaluation: for every group of `test`, train on `extra` plus every
/// other group of `test`, classify the held-out group, and return each group's result (in
/// group order).
///
/// This is the honest measure of how the classifier does on an organisation it has never
/// seen.
#[must_use]
pub fn leave_one_group_out(
    test: &[Labelled],
    extra: &[Labelled],
    options: &super::train::TrainOptions,
) -> Vec<GroupResult> {
    use super::train::{feature_vector, train_vectors};
    let groups: std::collections::BTreeSet<&str> = test.iter().map(|r| r.group.as_str()).collect();
    let all: Vec<&Labelled> = test.iter().chain(extra).collect();
    let vectors: Vec<Vec<(u64, f32)>> = all.iter().map(|r| feature_vector(&r.text)).collect();
    groups
        .into_iter()
        .map(|g| {
            let (mut ex, mut vs) = (Vec::new(), Vec::new());
            for (r, v) in all.iter().zip(&vectors) {
                if r.group != g {
                    ex.push(r.example());
                    vs.push(v.clone());
                }
            }
            let model = train_vectors(&ex, &vs, options);
            let mut confusion = Confusion::default();
            let mut misclassified = Vec::new();
            for (i, r) in test.iter().enumerate().filter(|(_, r)| r.group == g) {
                let milestone = model.classify(&r.text).is_milestone();
                confusion.add(r.milestone, milestone);
                if milestone != r.milestone {
                    misclassified.push(i);
                }
            }
            GroupResult {
                group: g.to_string(),
                confusion,
                misclassified,
            }
        })
        .collect()
}
