//! Hostile org shapes of issue 18, generated as one-line JSON at any size:
//! deep chains, long loops and wide lists that a recursive or quadratic
//! graph walk cannot survive.

#![allow(dead_code)]

use std::fmt::Write as _;

/// One generated org: its name, its JSON text and how many entities it has.
pub struct Shape {
    pub name: &'static str,
    pub json: String,
}

fn org(teams: &str, products: &str, objectives: &str, decisions: &str) -> String {
    format!(
        "{{\"version\":1,\"teams\":[{teams}],\"products\":[{products}],\"outcomes\":[{{\"id\":\"goal\",\"statement\":\"Listeners find music they love\",\"metric\":\"weekly listening hours\"}}],\"objectives\":[{objectives}],\"decisions\":[{decisions}]}}"
    )
}

/// `n` items made by `item`, comma separated.
fn list(n: usize, mut item: impl FnMut(&mut String, usize)) -> String {
    let mut out = String::with_capacity(n * 48);
    for i in 0..n {
        if i > 0 {
            out.push(',');
        }
        item(&mut out, i);
    }
    out
}

/// `n` teams, each deciding a right (scoped to itself) that escalates to
/// the next team; the last escalates back to the first, closing one loop
/// of `2n` steps.
pub fn escalation_loop(n: usize) -> Shape {
    let teams = list(n, |o, i| {
        let _ = write!(o, "{{\"id\":\"t{i}\"}}");
    });
    let decisions = list(n, |o, i| {
        let _ = write!(
            o,
            "{{\"area\":\"budget-allocation\",\"scope\":\"t{i}\",\"decides\":\"t{i}\",\"escalates_to\":\"t{}\"}}",
            (i + 1) % n
        );
    });
    Shape {
        name: "escalation-loop",
        json: org(&teams, "", "", &decisions),
    }
}

/// Like [`escalation_loop`], but the last right escalates to the
/// organisation: a chain `2n` steps deep and no loop.
pub fn escalation_chain(n: usize) -> Shape {
    let teams = list(n, |o, i| {
        let _ = write!(o, "{{\"id\":\"t{i}\"}}");
    });
    let decisions = list(n, |o, i| {
        let to = if i + 1 == n {
            "organization".to_owned()
        } else {
            format!("t{}", i + 1)
        };
        let _ = write!(
            o,
            "{{\"area\":\"budget-allocation\",\"scope\":\"t{i}\",\"decides\":\"t{i}\",\"escalates_to\":\"{to}\"}}"
        );
    });
    Shape {
        name: "escalation-chain",
        json: org(&teams, "", "", &decisions),
    }
}

/// `n` teams, each the `parent` of the one before; the first's parent is the
/// last.
pub fn parent_loop(n: usize) -> Shape {
    let teams = list(n, |o, i| {
        let _ = write!(o, "{{\"id\":\"t{i}\",\"parent\":\"t{}\"}}", (i + 1) % n);
    });
    Shape {
        name: "parent-loop",
        json: org(&teams, "", "", ""),
    }
}

/// `n` products, each `part_of` the next; the last is part of the first.
pub fn part_of_loop(n: usize) -> Shape {
    let products = list(n, |o, i| {
        let _ = write!(o, "{{\"id\":\"p{i}\",\"part_of\":\"p{}\"}}", (i + 1) % n);
    });
    Shape {
        name: "part-of-loop",
        json: org("", &products, "", ""),
    }
}

/// `n` products, each `part_of` the one before: a chain `n` deep, none
/// aligned.
pub fn part_of_chain(n: usize) -> Shape {
    let products = list(n, |o, i| {
        if i == 0 {
            o.push_str("{\"id\":\"p0\"}");
        } else {
            let _ = write!(o, "{{\"id\":\"p{i}\",\"part_of\":\"p{}\"}}", i - 1);
        }
    });
    Shape {
        name: "part-of-chain",
        json: org("", &products, "", ""),
    }
}

/// `n` teams, each inside the one before and owning a product `part_of`
/// the previous team's product; the top team decides the feature set of
/// the top product, so every product below is governed from the top.
pub fn owning_chain(n: usize) -> Shape {
    let teams = list(n, |o, i| {
        if i == 0 {
            o.push_str("{\"id\":\"t0\",\"kind\":\"unit\",\"owns\":[\"p0\"]}");
        } else {
            let _ = write!(
                o,
                "{{\"id\":\"t{i}\",\"parent\":\"t{}\",\"owns\":[\"p{i}\"]}}",
                i - 1
            );
        }
    });
    let products = list(n, |o, i| {
        if i == 0 {
            o.push_str("{\"id\":\"p0\"}");
        } else {
            let _ = write!(o, "{{\"id\":\"p{i}\",\"part_of\":\"p{}\"}}", i - 1);
        }
    });
    let decisions = "{\"area\":\"feature-set\",\"scope\":\"p0\",\"decides\":\"t0\"}";
    Shape {
        name: "owning-chain",
        json: org(&teams, &products, "", decisions),
    }
}

/// `n` objectives, each supporting the one before; the first supports the
/// outcome, so the whole chain is aligned through `n` steps.
pub fn supports_chain(n: usize) -> Shape {
    let objectives = list(n, |o, i| {
        let to = if i == 0 {
            "goal".to_owned()
        } else {
            format!("o{}", i - 1)
        };
        let _ = write!(
            o,
            "{{\"id\":\"o{i}\",\"title\":\"Listeners find music\",\"supports\":\"{to}\",\"key_results\":[\"Raise retention from 31% to 38%\"]}}"
        );
    });
    Shape {
        name: "supports-chain",
        json: org("", "", &objectives, ""),
    }
}

/// `n` objectives, each supporting the next; the last supports the first.
pub fn supports_loop(n: usize) -> Shape {
    let objectives = list(n, |o, i| {
        let _ = write!(
            o,
            "{{\"id\":\"o{i}\",\"title\":\"Listeners find music\",\"supports\":\"o{}\",\"key_results\":[\"Raise retention from 31% to 38%\"]}}",
            (i + 1) % n
        );
    });
    Shape {
        name: "supports-loop",
        json: org("", "", &objectives, ""),
    }
}

/// `n` products, each with an owner that no team has.
pub fn dangling_owners(n: usize) -> Shape {
    let products = list(n, |o, i| {
        let _ = write!(o, "{{\"id\":\"p{i}\",\"owner\":\"nobody{i}\"}}");
    });
    Shape {
        name: "dangling-owners",
        json: org("", &products, "", ""),
    }
}

/// One unit with `n` teams under it, each owning one product of one
/// product line, and a decision at the line that the unit takes: wide
/// instead of deep.
pub fn wide(n: usize) -> Shape {
    let mut teams = String::from("{\"id\":\"unit\",\"kind\":\"unit\"}");
    for i in 0..n {
        let _ = write!(
            teams,
            ",{{\"id\":\"t{i}\",\"parent\":\"unit\",\"owns\":[\"p{i}\"]}}"
        );
    }
    let mut products = String::from("{\"id\":\"line\",\"owner\":\"unit\"}");
    for i in 0..n {
        let _ = write!(products, ",{{\"id\":\"p{i}\",\"part_of\":\"line\"}}");
    }
    let decisions = "{\"area\":\"feature-set\",\"scope\":\"line\",\"decides\":\"unit\"}";
    Shape {
        name: "wide",
        json: org(&teams, &products, "", decisions),
    }
}

/// One product that `n` decision rights are scoped to, each decided by a
/// team that does not own it: one product with `n` edges, and `n`
/// findings of `decision-outside-ownership` about it.
pub fn crowded_scope(n: usize) -> Shape {
    let teams = format!(
        "{{\"id\":\"owner\",\"owns\":[\"p\"]}},{}",
        list(n, |o, i| {
            let _ = write!(o, "{{\"id\":\"other{i}\"}}");
        })
    );
    let decisions = list(n, |o, i| {
        let _ = write!(
            o,
            "{{\"area\":\"feature-set\",\"scope\":\"p\",\"decides\":\"other{i}\"}}"
        );
    });
    Shape {
        name: "crowded-scope",
        json: org(&teams, "{\"id\":\"p\"}", "", &decisions),
    }
}

/// Every deep or wide shape at size `n` but [`dangling_owners`], whose cost
/// is in the loader's "did you mean" rather than in the graph's walks.
pub fn all(n: usize) -> Vec<Shape> {
    vec![
        escalation_loop(n),
        escalation_chain(n),
        parent_loop(n),
        part_of_loop(n),
        part_of_chain(n),
        owning_chain(n),
        supports_chain(n),
        supports_loop(n),
        wide(n),
        crowded_scope(n),
    ]
}
