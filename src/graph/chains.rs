//! The team `parent` and product `part_of` chains, walked once per org.
//!
//! Each team has at most one parent and each product at most one parent
//! product, so each relation is a functional graph: every chain ends at a
//! top or runs into one loop. [`Chain`] walks it once, without recursion,
//! and answers what the checks ask of a chain (how long it is, whether one
//! node is above another, the nearest node above with some property, a
//! union over the chain) from what it stored, so that a chain a million
//! deep costs a million steps in all instead of a million per entity.

use std::ops::Range;

use super::steps;

/// No node: the end of a chain, or a node not in a loop.
const NONE: u32 = u32::MAX;

/// One functional relation over the nodes `0..n` (team or product indices).
#[derive(Debug)]
pub(crate) struct Chain {
    /// The next node up, [`NONE`] at a top.
    up: Vec<u32>,
    /// How many distinct nodes a walk up from each node meets before it
    /// ends or repeats itself (the node itself not counted).
    above: Vec<u32>,
    /// The last node of each node's walk: its top, or [`NONE`] when the
    /// walk ends in a loop.
    top: Vec<u32>,
    /// For each node, its loop (an index into `loops`), or [`NONE`].
    in_loop: Vec<u32>,
    /// The members of every loop, each loop in walking order, one after
    /// another; `loops` gives each loop's range.
    loop_members: Vec<u32>,
    loops: Vec<Range<u32>>,
    /// Every node not in a loop, each after the node it leads up to.
    order: Vec<u32>,
    /// Where each node's loop or top is: the loop's index, or the top's
    /// index plus the number of loops, so that one number says which
    /// component a node belongs to.
    component: Vec<u32>,
    /// Entry and exit times of a walk down the tree of nodes outside loops
    /// (each node under the one it leads up to): `a` is above `b`, when
    /// neither is in a loop, exactly when `b`'s times nest in `a`'s.
    enter: Vec<u32>,
    exit: Vec<u32>,
}

impl Chain {
    /// Walks the relation `up` (`up[i]` is the node above `i`, `None` at a
    /// top) once.
    pub(crate) fn new(up: Vec<Option<u32>>) -> Self {
        let n = up.len();
        let up: Vec<u32> = up
            .into_iter()
            .map(|u| u.filter(|&u| (u as usize) < n).unwrap_or(NONE))
            .collect();
        let mut chain = Self {
            above: vec![0; n],
            top: vec![NONE; n],
            in_loop: vec![NONE; n],
            loop_members: Vec::new(),
            loops: Vec::new(),
            order: Vec::with_capacity(n),
            component: vec![NONE; n],
            enter: vec![0; n],
            exit: vec![0; n],
            up,
        };
        chain.walk();
        chain.number_tree();
        chain
    }

    /// Fills `above`, `top`, the loops, `order` and `component`, following
    /// each chain up until it meets a node already done, its own path (a
    /// loop) or a top; every node is on one such path, so this is linear.
    fn walk(&mut self) {
        const NEW: u8 = 0;
        const ON_PATH: u8 = 1;
        const DONE: u8 = 2;
        let n = self.up.len();
        let mut state = vec![NEW; n];
        // Where each node on the current path sits in `path`.
        let mut at_path = vec![0u32; n];
        let mut path: Vec<u32> = Vec::new();
        for start in 0..n {
            if state[start] != NEW {
                continue;
            }
            path.clear();
            let mut at = start as u32;
            // The path ends at a top, at a node done before, or back on itself.
            let end = loop {
                steps::count(1);
                let i = at as usize;
                state[i] = ON_PATH;
                at_path[i] = path.len() as u32;
                path.push(at);
                let next = self.up[i];
                if next == NONE || state[next as usize] != NEW {
                    break next;
                }
                at = next;
            };
            // Members of a new loop: the part of the path from `end` on.
            let mut tail_len = path.len();
            if end != NONE && state[end as usize] == ON_PATH {
                let from = at_path[end as usize] as usize;
                let id = self.loops.len() as u32;
                let first = self.loop_members.len() as u32;
                let size = (path.len() - from) as u32;
                for &m in &path[from..] {
                    let m = m as usize;
                    self.in_loop[m] = id;
                    self.above[m] = size - 1;
                    self.component[m] = id;
                    state[m] = DONE;
                }
                self.loop_members.extend_from_slice(&path[from..]);
                self.loops.push(first..first + size);
                tail_len = from;
            }
            // The rest of the path, nearest the end first: each takes its
            // numbers from the node above it.
            for &m in path[..tail_len].iter().rev() {
                let m = m as usize;
                match self.up[m] {
                    NONE => {
                        self.above[m] = 0;
                        self.top[m] = m as u32;
                        self.component[m] = NONE - 1 - m as u32;
                    }
                    u => {
                        let u = u as usize;
                        self.above[m] = self.above[u].saturating_add(1);
                        self.top[m] = self.top[u];
                        self.component[m] = self.component[u];
                    }
                }
                state[m] = DONE;
                self.order.push(m as u32);
            }
        }
    }

    /// Numbers the tree of nodes outside loops by a walk with an explicit
    /// stack, for [`Self::is_above`].
    fn number_tree(&mut self) {
        let n = self.up.len();
        // The children of each node outside a loop, as ranges of one list.
        let mut child_count = vec![0u32; n + 1];
        let mut roots: Vec<u32> = Vec::new();
        for &m in &self.order {
            let u = self.up[m as usize];
            if u == NONE || self.in_loop[u as usize] != NONE {
                roots.push(m);
            } else {
                child_count[u as usize + 1] += 1;
            }
        }
        for i in 0..n {
            child_count[i + 1] += child_count[i];
        }
        let mut fill = child_count.clone();
        let mut children = vec![0u32; child_count[n] as usize];
        for &m in &self.order {
            let u = self.up[m as usize];
            if u != NONE && self.in_loop[u as usize] == NONE {
                let slot = &mut fill[u as usize];
                children[*slot as usize] = m;
                *slot += 1;
            }
        }
        let mut clock = 0u32;
        // (node, next child to visit)
        let mut stack: Vec<(u32, u32)> = Vec::new();
        for root in roots {
            self.enter[root as usize] = clock;
            clock += 1;
            stack.push((root, child_count[root as usize]));
            while let Some(&mut (node, ref mut next)) = stack.last_mut() {
                steps::count(1);
                if *next < child_count[node as usize + 1] {
                    let child = children[*next as usize];
                    *next += 1;
                    self.enter[child as usize] = clock;
                    clock += 1;
                    stack.push((child, child_count[child as usize]));
                } else {
                    self.exit[node as usize] = clock;
                    clock += 1;
                    stack.pop();
                }
            }
        }
    }

    /// How many distinct nodes are above `i` (a loop counts each member once).
    pub(crate) fn above_count(&self, i: usize) -> usize {
        self.above.get(i).map_or(0, |&a| a as usize)
    }

    /// The top that `i`'s chain ends at, `None` when it ends in a loop.
    pub(crate) fn top(&self, i: usize) -> Option<usize> {
        self.top.get(i).filter(|&&t| t != NONE).map(|&t| t as usize)
    }

    /// Whether `a` is met walking up from `b` (not counting `b` itself).
    pub(crate) fn is_above(&self, a: usize, b: usize) -> bool {
        if a == b || a >= self.up.len() || b >= self.up.len() {
            return false;
        }
        if self.component[a] != self.component[b] {
            return false;
        }
        if self.in_loop[a] != NONE {
            // Every walk into a loop goes all the way round it.
            return true;
        }
        self.in_loop[b] == NONE && self.enter[a] < self.enter[b] && self.exit[b] < self.exit[a]
    }

    /// The members of every loop, each in walking order.
    pub(crate) fn loops(&self) -> impl Iterator<Item = &[u32]> {
        self.loops
            .iter()
            .map(|r| &self.loop_members[r.start as usize..r.end as usize])
    }

    /// For each node, the nearest node strictly above it for which `pick`
    /// holds (the first such node a walk up meets), computed for every
    /// node at once.
    pub(crate) fn nearest_above(&self, pick: impl Fn(usize) -> bool) -> NearestAbove {
        let mut strict = vec![NONE; self.up.len()];
        // Nearest at or above each node; loops first, then the rest from
        // the top down.
        let mut near = vec![NONE; self.up.len()];
        for members in self.loops() {
            // Round the loop twice backwards: each member sees the nearest
            // picked member after it, which is itself only when it is the
            // only one picked (and a walk does not come back to itself).
            let k = members.len();
            let mut seen = NONE;
            for p in (0..2 * k).rev() {
                steps::count(1);
                let m = members[p % k];
                if p < k {
                    strict[m as usize] = if seen == m { NONE } else { seen };
                }
                if pick(m as usize) {
                    seen = m;
                }
            }
            for &m in members {
                let m = m as usize;
                near[m] = if pick(m) { m as u32 } else { strict[m] };
            }
        }
        for &m in &self.order {
            steps::count(1);
            let m = m as usize;
            strict[m] = match self.up[m] {
                NONE => NONE,
                u => near[u as usize],
            };
            near[m] = if pick(m) { m as u32 } else { strict[m] };
        }
        NearestAbove(strict)
    }

    /// For each node, `own` of it and of every node above it, merged with
    /// `merge`: a union up the chain, computed for every node at once.
    pub(crate) fn fold_up<T: Clone>(
        &self,
        own: impl Fn(usize) -> T,
        merge: impl Fn(&mut T, &T),
    ) -> Vec<T> {
        let mut out: Vec<Option<T>> = vec![None; self.up.len()];
        for members in self.loops() {
            // Every member of a loop is above every other: one union each.
            let mut all: Option<T> = None;
            for &m in members {
                steps::count(1);
                let mine = own(m as usize);
                match &mut all {
                    Some(a) => merge(a, &mine),
                    None => all = Some(mine),
                }
            }
            for &m in members {
                out[m as usize].clone_from(&all);
            }
        }
        for &m in &self.order {
            steps::count(1);
            let m = m as usize;
            let mut mine = own(m);
            if let Some(Some(above)) = self.up.get(m).and_then(|&u| out.get(u as usize)) {
                merge(&mut mine, above);
            }
            out[m] = Some(mine);
        }
        // Every node is in a loop or in `order`, so each slot is filled.
        out.into_iter()
            .map(|t| t.unwrap_or_else(|| own(0)))
            .collect()
    }

    /// For each node, `own` of it and of every node below it (every node
    /// whose walk up meets it), computed for every node at once: the
    /// opposite of [`Self::fold_up`]. Each node's value is handed to
    /// `visit` once it is complete, then moved into the value of the node
    /// above it with `merge(above, value)`, so a value is never copied and
    /// a chain a million deep costs a million merges, not a million per
    /// node. `merge` should add the smaller of its two values to the larger
    /// (swapping them first), so that each item moves a logarithmic number
    /// of times however the tree is shaped.
    ///
    /// Every member of a loop is above every other and above every node
    /// that leads into the loop, so the members share one value, visited
    /// once with all of them. Nothing reads the value of a top or a loop
    /// after `visit`, which may take it.
    pub(crate) fn fold_down<T: Default>(
        &self,
        mut own: impl FnMut(usize, &mut T),
        mut merge: impl FnMut(&mut T, T),
        mut visit: impl FnMut(&[u32], &mut T),
    ) {
        let mut acc: Vec<T> = std::iter::repeat_with(T::default)
            .take(self.up.len())
            .collect();
        // `order` has each node after the node above it: backwards, each
        // node comes after every node below it, so its value is complete.
        for &m in self.order.iter().rev() {
            steps::count(1);
            let mut value = std::mem::take(&mut acc[m as usize]);
            own(m as usize, &mut value);
            visit(std::slice::from_ref(&m), &mut value);
            if let Some(above) = acc.get_mut(self.up[m as usize] as usize) {
                merge(above, value);
            }
        }
        // What leads into a loop has been merged into its members by now.
        for members in self.loops() {
            let mut value = T::default();
            for &m in members {
                steps::count(1);
                merge(&mut value, std::mem::take(&mut acc[m as usize]));
                own(m as usize, &mut value);
            }
            visit(members, &mut value);
        }
    }
}

/// For each node of a [`Chain`], the nearest node above it with a property
/// ([`Chain::nearest_above`]), 4 bytes a node.
#[derive(Debug)]
pub(crate) struct NearestAbove(Vec<u32>);

impl NearestAbove {
    /// The nearest node above node `i` with the property, if any.
    pub(crate) fn get(&self, i: usize) -> Option<usize> {
        let above = *self.0.get(i)?;
        (above != NONE).then_some(above as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::Chain;

    /// The nodes a plain walk up from `i` meets, nearest first.
    fn walk(up: &[Option<u32>], i: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut at = i;
        // An index past the end is no node: `at` is a top.
        while let Some(next) = up[at].map(|n| n as usize).filter(|&n| n < up.len()) {
            if next == i || out.contains(&next) {
                break;
            }
            out.push(next);
            at = next;
        }
        out
    }

    /// Small relations of every shape: chains, trees, loops with tails,
    /// self loops, several components.
    fn relations() -> Vec<Vec<Option<u32>>> {
        let mut out = vec![
            vec![],
            vec![None],
            vec![Some(0)],
            vec![None, Some(0), Some(1), Some(1), Some(3)],
            vec![Some(1), Some(2), Some(0), Some(0), Some(3), None, Some(5)],
            vec![Some(1), Some(0), Some(1), Some(2), Some(3), Some(4)],
            vec![
                Some(4),
                Some(0),
                Some(1),
                Some(2),
                Some(3),
                Some(3),
                Some(9),
            ],
        ];
        // Every relation on four nodes.
        for code in 0..5usize.pow(4) {
            let up = (0..4)
                .map(|d| match (code / 5usize.pow(d)) % 5 {
                    4 => None,
                    v => Some(v as u32),
                })
                .collect();
            out.push(up);
        }
        out
    }

    #[test]
    fn answers_what_a_plain_walk_answers() {
        for up in relations() {
            let chain = Chain::new(up.clone());
            let pick = |i: usize| i % 2 == 1;
            let nearest = chain.nearest_above(pick);
            let sums = chain.fold_up(|i| 1u64 << i, |a, b| *a |= *b);
            for (i, &sum_up) in sums.iter().enumerate() {
                let above = walk(&up, i);
                assert_eq!(chain.above_count(i), above.len(), "{up:?} at {i}");
                // A walk that stops before a next node stops at a repeat.
                let last = above.last().copied().unwrap_or(i);
                let next = up[last].filter(|&n| (n as usize) < up.len());
                let top = next.is_none().then_some(last);
                assert_eq!(chain.top(i), top, "{up:?} at {i}");
                for j in 0..up.len() {
                    assert_eq!(
                        chain.is_above(j, i),
                        above.contains(&j),
                        "{up:?}: {j} above {i}"
                    );
                }
                assert_eq!(
                    nearest.get(i),
                    above.iter().copied().find(|&a| pick(a)),
                    "{up:?} at {i}"
                );
                let sum = above.iter().fold(1u64 << i, |s, &a| s | 1 << a);
                assert_eq!(sum_up, sum, "{up:?} at {i}");
            }
        }
    }

    #[test]
    fn folding_down_gathers_every_node_below() {
        for up in relations() {
            let chain = Chain::new(up.clone());
            let n = up.len();
            let mut got: Vec<Option<u64>> = vec![None; n];
            let mut visits = 0;
            chain.fold_down(
                |i, v: &mut u64| *v |= 1 << i,
                |a, b| *a |= b,
                |nodes, v| {
                    visits += 1;
                    for &m in nodes {
                        assert_eq!(got[m as usize], None, "{up:?}: {m} twice");
                        got[m as usize] = Some(*v);
                    }
                },
            );
            // One visit per node outside a loop, one per loop.
            let in_loops: usize = chain.loops().map(<[u32]>::len).sum();
            assert_eq!(visits, n - in_loops + chain.loops().count(), "{up:?}");
            for (i, value) in got.iter().enumerate() {
                let below = (0..n)
                    .filter(|&j| walk(&up, j).contains(&i))
                    .fold(1u64 << i, |s, j| s | 1 << j);
                assert_eq!(*value, Some(below), "{up:?} at {i}");
            }
        }
    }

    #[test]
    fn loops_are_listed_in_walking_order() {
        let chain = Chain::new(vec![Some(2), Some(0), Some(1), None]);
        let loops: Vec<&[u32]> = chain.loops().collect();
        assert_eq!(loops, [&[0u32, 2, 1][..]]);
    }
}
