//! [`Sink`]: where a check puts what it finds.

use crate::check::packed::Block;
use crate::diagnostic::Diagnostic;

/// Where a check puts what it finds.
///
/// It keeps at most a set number of findings (see
/// [`Linter::with_max_findings`](crate::Linter::with_max_findings)) and
/// counts the rest, so that a model with a million broken entities cannot
/// exhaust memory; the CLI says how many were not kept.
pub struct Sink {
    /// The kept findings, each packed into one block of bytes, in blocks of
    /// [`Sink::BLOCK`]: a list that doubles as it grows copies every
    /// finding each time and leaves the old room behind, which for a check
    /// with a hundred thousand findings is megabytes churned while the
    /// whole model is in memory.
    blocks: Vec<Block>,
    kept: usize,
    limit: usize,
    dropped: usize,
    /// The check whose findings these are: every kept finding carries its
    /// name, whatever name the check wrote, so that a finding always comes
    /// out under the level and `allow:` of the check that made it.
    check: Option<&'static str>,
    /// Findings left out without a place under the limit (those their
    /// entity's `allow:` list names, when the linter runs the check).
    skip: Option<Skip>,
}

/// What a [`Sink`] leaves out before it counts a finding.
type Skip = std::sync::Arc<dyn Fn(&Diagnostic) -> bool + Send + Sync>;

impl std::fmt::Debug for Sink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sink")
            .field("kept", &self.kept)
            .field("limit", &self.limit)
            .field("dropped", &self.dropped)
            .field("check", &self.check)
            .finish_non_exhaustive()
    }
}

impl Sink {
    const BLOCK: usize = 4096;

    /// A sink that keeps at most `limit` findings.
    pub fn new(limit: usize) -> Self {
        Self {
            blocks: Vec::new(),
            kept: 0,
            limit,
            dropped: 0,
            check: None,
            skip: None,
        }
    }

    /// The sink, leaving out the findings `skip` says are not reported
    /// whatever the limit: they take no place under it.
    pub(crate) fn skipping(self, skip: Skip) -> Self {
        Self {
            skip: Some(skip),
            ..self
        }
    }

    /// A sink for the findings of the check named `check`: each kept
    /// finding is stamped with that name.
    pub fn for_check(check: &'static str, limit: usize) -> Self {
        Self {
            check: Some(check),
            ..Self::new(limit)
        }
    }

    /// Adds a finding (or counts it, once the sink is full).
    pub fn push(&mut self, diagnostic: Diagnostic) {
        if self.is_full() {
            self.dropped += 1;
        } else {
            self.keep(diagnostic);
        }
    }

    /// Adds the finding `make` builds, calling it only when the finding will
    /// be kept: past the limit a finding is only counted, so a check with a
    /// costly message does not word a hundred thousand that are dropped.
    pub fn push_with(&mut self, make: impl FnOnce() -> Diagnostic) {
        if self.is_full() {
            self.dropped += 1;
        } else {
            self.keep(make());
        }
    }

    fn keep(&mut self, mut diagnostic: Diagnostic) {
        if let Some(check) = self.check
            && diagnostic.check != check
        {
            diagnostic.check = std::borrow::Cow::Borrowed(check);
        }
        if self.skip.as_ref().is_some_and(|skip| skip(&diagnostic)) {
            return;
        }
        diagnostic.cap_lists();
        match self.blocks.last_mut() {
            Some(block) if block.len() < Self::BLOCK => block.push(diagnostic),
            last => {
                if let Some(full) = last {
                    full.close();
                }
                // The last block is only as large as the limit needs.
                let room = Self::BLOCK.min(self.limit - self.kept);
                let mut block = Block::with_capacity(room, self.check);
                block.push(diagnostic);
                self.blocks.push(block);
            }
        }
        self.kept += 1;
    }

    /// Whether the sink is full, so that further findings are only counted.
    pub fn is_full(&self) -> bool {
        self.kept >= self.limit
    }

    /// How many findings are kept.
    pub fn len(&self) -> usize {
        self.kept
    }

    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        self.kept == 0 && self.dropped == 0
    }

    /// How many findings were found past the limit and not kept.
    pub fn dropped(&self) -> usize {
        self.dropped
    }

    /// The kept findings, and how many were not kept.
    pub fn into_parts(self) -> (Vec<Diagnostic>, usize) {
        let mut found = Vec::with_capacity(self.kept);
        for block in self.blocks {
            found.extend(block.unpack());
        }
        (found, self.dropped)
    }

    /// The kept findings, packed, in the blocks they were kept in, and how
    /// many were not kept: the linter unpacks them into its report once the
    /// graph is gone.
    pub(crate) fn into_blocks(mut self) -> (Vec<Block>, usize) {
        if let Some(last) = self.blocks.last_mut() {
            last.close();
        }
        (self.blocks, self.dropped)
    }
}

#[cfg(test)]
mod tests {
    use super::Sink;
    use crate::diagnostic::Diagnostic;
    use crate::model::{EntityKind, EntityRef};

    fn finding(n: usize) -> Diagnostic {
        Diagnostic::new(
            "idle-team",
            EntityRef::new(EntityKind::Team, format!("team-{n}")),
            format!("finding {n}"),
        )
    }

    #[test]
    fn keeps_findings_in_order_up_to_the_limit_and_counts_the_rest() {
        let limit = Sink::BLOCK * 2 + 7;
        let mut sink = Sink::new(limit);
        assert!(sink.is_empty());
        let mut made = 0;
        for n in 0..limit + 100 {
            if n % 2 == 0 {
                sink.push(finding(n));
            } else {
                sink.push_with(|| {
                    made += 1;
                    finding(n)
                });
            }
        }
        assert!(sink.is_full());
        assert_eq!(sink.len(), limit);
        assert_eq!(sink.dropped(), 100);
        // Findings past the limit are counted without being made.
        assert_eq!(made, limit / 2);
        let (found, dropped) = sink.into_parts();
        assert_eq!(dropped, 100);
        let messages: Vec<String> = found.iter().map(|d| d.message.clone()).collect();
        let expected: Vec<String> = (0..limit).map(|n| format!("finding {n}")).collect();
        assert_eq!(messages, expected);
    }

    #[test]
    fn blocks_are_no_larger_than_the_limit_needs() {
        let mut sink = Sink::new(Sink::BLOCK + 3);
        for n in 0..Sink::BLOCK + 10 {
            sink.push(finding(n));
        }
        let (blocks, dropped) = sink.into_blocks();
        let sizes: Vec<(usize, usize)> = blocks.iter().map(|b| (b.len(), b.capacity())).collect();
        assert_eq!(sizes, [(Sink::BLOCK, Sink::BLOCK), (3, 3)]);
        assert_eq!(dropped, 7);
        let mut nothing = Sink::new(0);
        nothing.push(finding(0));
        assert!(!nothing.is_empty());
        assert_eq!(nothing.into_parts(), (Vec::new(), 1));
    }
}
