//! Streaming JSON and YAML writers for the generated org.
//!
//! Each entity is turned into a small value tree that borrows from the
//! generated data and written into a buffer that is flushed every 64 KiB,
//! so memory stays flat whatever the size of the org.

use std::io::{self, Write};

use super::words::{FIRST_NAMES, LAST_NAMES};
use super::{File, FileFormat, SDecision, SKr, SObjective, SOutcome, SProduct, STeam, Synthetic};

const FLUSH_AT: usize = 64 * 1024;

enum V<'a> {
    /// An id or vocabulary word (plain in YAML).
    Id(&'a str),
    /// Free text (always quoted).
    Text(&'a str),
    /// Free text built on the fly.
    Owned(String),
    Num(f64),
    Seq(Vec<V<'a>>),
    Map(Vec<(&'static str, V<'a>)>),
}

impl V<'_> {
    fn is_scalar(&self) -> bool {
        !matches!(self, V::Seq(_) | V::Map(_))
    }

    /// Small maps of scalars are written on one line.
    fn is_flow(&self) -> bool {
        match self {
            V::Map(fields) => fields.len() <= 2 && fields.iter().all(|(_, v)| v.is_scalar()),
            V::Seq(items) => items.iter().all(|i| matches!(i, V::Id(_))),
            _ => true,
        }
    }
}

fn ids(list: &[String]) -> V<'_> {
    V::Seq(list.iter().map(|s| V::Id(s)).collect())
}

/// One id as a string, several as a list.
fn one_or_many(list: &[String]) -> V<'_> {
    match list {
        [one] => V::Id(one),
        _ => ids(list),
    }
}

fn team(t: &STeam) -> V<'_> {
    let mut f = vec![
        ("id", V::Id(&t.id)),
        ("name", V::Text(&t.name)),
        ("kind", V::Id(t.kind)),
    ];
    if let Some(p) = &t.parent {
        f.push(("parent", V::Id(p)));
    }
    if !t.owns.is_empty() {
        f.push(("owns", ids(&t.owns)));
    }
    if !t.members.is_empty() {
        let members = t
            .members
            .iter()
            .map(|&(a, b, role)| {
                let name = format!(
                    "{} {}",
                    FIRST_NAMES[usize::from(a)],
                    LAST_NAMES[usize::from(b)]
                );
                V::Map(vec![("name", V::Owned(name)), ("role", V::Id(role))])
            })
            .collect();
        f.push(("members", V::Seq(members)));
    }
    V::Map(f)
}

fn product(p: &SProduct) -> V<'_> {
    let mut f = vec![
        ("id", V::Id(&p.id)),
        ("name", V::Text(&p.name)),
        ("kind", V::Id(p.kind)),
    ];
    if !p.owner.is_empty() {
        f.push(("owner", one_or_many(&p.owner)));
    }
    if !p.contributors.is_empty() {
        f.push(("contributors", ids(&p.contributors)));
    }
    if let Some(x) = &p.part_of {
        f.push(("part_of", V::Id(x)));
    }
    if !p.outcomes.is_empty() {
        f.push(("outcomes", ids(&p.outcomes)));
    }
    if let Some(x) = p.funding {
        f.push(("funding", V::Id(x)));
    }
    V::Map(f)
}

fn outcome(o: &SOutcome) -> V<'_> {
    let mut f = vec![
        ("id", V::Id(&o.id)),
        ("statement", V::Text(&o.statement)),
        ("metric", V::Text(o.metric)),
        ("baseline", V::Num(o.baseline)),
        ("target", V::Num(o.target)),
    ];
    if let Some(x) = &o.owner {
        f.push(("owner", V::Id(x)));
    }
    if !o.supports.is_empty() {
        f.push(("supports", one_or_many(&o.supports)));
    }
    V::Map(f)
}

fn key_result(k: &SKr) -> V<'_> {
    if k.id.is_none() && k.metric.is_none() && k.kind.is_none() {
        return V::Text(&k.text);
    }
    let mut f = Vec::with_capacity(7);
    if let Some(id) = &k.id {
        f.push(("id", V::Id(id)));
    }
    f.push(("text", V::Text(&k.text)));
    if let Some(x) = k.metric {
        f.push(("metric", V::Text(x)));
    }
    if let Some(x) = k.baseline {
        f.push(("baseline", V::Num(x)));
    }
    if let Some(x) = k.target {
        f.push(("target", V::Num(x)));
    }
    if let Some(x) = k.unit {
        f.push(("unit", V::Text(x)));
    }
    if let Some(x) = k.kind {
        f.push(("kind", V::Id(x)));
    }
    V::Map(f)
}

fn objective(o: &SObjective) -> V<'_> {
    let mut f = vec![("id", V::Id(&o.id)), ("title", V::Text(&o.title))];
    if let Some(x) = &o.owner {
        f.push(("owner", V::Id(x)));
    }
    f.push(("period", V::Text(o.period)));
    if !o.supports.is_empty() {
        f.push(("supports", one_or_many(&o.supports)));
    }
    if !o.omit_key_results {
        f.push((
            "key_results",
            V::Seq(o.key_results.iter().map(key_result).collect()),
        ));
    }
    V::Map(f)
}

fn decision(d: &SDecision) -> V<'_> {
    let mut f = vec![("area", V::Id(d.area)), ("scope", V::Id(&d.scope))];
    if !d.decides.is_empty() {
        f.push(("decides", one_or_many(&d.decides)));
    }
    for (name, list) in [
        ("recommends", &d.recommends),
        ("agrees", &d.agrees),
        ("consulted", &d.consulted),
        ("informed", &d.informed),
    ] {
        if !list.is_empty() {
            f.push((name, ids(list)));
        }
    }
    if let Some(x) = &d.escalates_to {
        f.push(("escalates_to", V::Id(x)));
    }
    V::Map(f)
}

struct Em<'w, W: Write> {
    buf: Vec<u8>,
    out: &'w mut W,
    format: FileFormat,
}

impl<W: Write> Em<'_, W> {
    fn maybe_flush(&mut self) -> io::Result<()> {
        if self.buf.len() >= FLUSH_AT {
            self.out.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }

    fn finish(mut self) -> io::Result<()> {
        self.out.write_all(&self.buf)?;
        self.buf.clear();
        self.out.flush()
    }

    fn indent(&mut self, n: usize) {
        self.buf.extend(std::iter::repeat_n(b' ', n));
    }

    fn json_str(&mut self, s: &str) {
        let b = &mut self.buf;
        b.push(b'"');
        for c in s.chars() {
            match c {
                '"' => b.extend_from_slice(b"\\\""),
                '\\' => b.extend_from_slice(b"\\\\"),
                '\n' => b.extend_from_slice(b"\\n"),
                '\t' => b.extend_from_slice(b"\\t"),
                '\r' => b.extend_from_slice(b"\\r"),
                c if (c as u32) < 0x20 => {
                    let _ = write!(b, "\\u{:04x}", c as u32);
                }
                c => {
                    let mut tmp = [0u8; 4];
                    b.extend_from_slice(c.encode_utf8(&mut tmp).as_bytes());
                }
            }
        }
        b.push(b'"');
    }

    fn num(&mut self, v: f64) {
        let _ = write!(self.buf, "{v}");
    }

    // --- JSON -----------------------------------------------------------

    fn json(&mut self, v: &V<'_>, ind: usize) {
        match v {
            V::Id(s) | V::Text(s) => self.json_str(s),
            V::Owned(s) => self.json_str(s),
            V::Num(n) => self.num(*n),
            V::Seq(items) if items.is_empty() => self.buf.extend_from_slice(b"[]"),
            V::Seq(items) if v.is_flow() => {
                self.buf.push(b'[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.buf.extend_from_slice(b", ");
                    }
                    self.json(item, ind);
                }
                self.buf.push(b']');
            }
            V::Seq(items) => {
                self.buf.extend_from_slice(b"[\n");
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.buf.extend_from_slice(b",\n");
                    }
                    self.indent(ind + 2);
                    self.json(item, ind + 2);
                }
                self.buf.push(b'\n');
                self.indent(ind);
                self.buf.push(b']');
            }
            V::Map(fields) if v.is_flow() => {
                self.buf.push(b'{');
                for (i, (k, x)) in fields.iter().enumerate() {
                    if i > 0 {
                        self.buf.extend_from_slice(b", ");
                    }
                    self.json_str(k);
                    self.buf.extend_from_slice(b": ");
                    self.json(x, ind);
                }
                self.buf.push(b'}');
            }
            V::Map(fields) => {
                self.buf.extend_from_slice(b"{\n");
                for (i, (k, x)) in fields.iter().enumerate() {
                    if i > 0 {
                        self.buf.extend_from_slice(b",\n");
                    }
                    self.indent(ind + 2);
                    self.json_str(k);
                    self.buf.extend_from_slice(b": ");
                    self.json(x, ind + 2);
                }
                self.buf.push(b'\n');
                self.indent(ind);
                self.buf.push(b'}');
            }
        }
    }

    // --- YAML -----------------------------------------------------------

    fn yaml_scalar(&mut self, v: &V<'_>) {
        match v {
            V::Id(s) if plain_ok(s) => self.buf.extend_from_slice(s.as_bytes()),
            V::Id(s) | V::Text(s) => self.json_str(s),
            V::Owned(s) => self.json_str(s),
            V::Num(n) => self.num(*n),
            V::Seq(items) => {
                self.buf.push(b'[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.buf.extend_from_slice(b", ");
                    }
                    self.yaml_scalar(item);
                }
                self.buf.push(b']');
            }
            V::Map(fields) => {
                self.buf.extend_from_slice(b"{ ");
                for (i, (k, x)) in fields.iter().enumerate() {
                    if i > 0 {
                        self.buf.extend_from_slice(b", ");
                    }
                    self.buf.extend_from_slice(k.as_bytes());
                    self.buf.extend_from_slice(b": ");
                    self.yaml_scalar(x);
                }
                self.buf.extend_from_slice(b" }");
            }
        }
    }

    /// Writes `key: value` at column `ind` (the indentation itself is
    /// written by the caller for the first field of a list item).
    fn yaml_field(&mut self, key: &str, v: &V<'_>, ind: usize) {
        self.buf.extend_from_slice(key.as_bytes());
        self.buf.push(b':');
        match v {
            V::Seq(items) if !v.is_flow() => {
                self.buf.push(b'\n');
                for item in items {
                    self.yaml_item(item, ind + 2);
                }
            }
            V::Map(fields) if !v.is_flow() => {
                self.buf.push(b'\n');
                for (k, x) in fields {
                    self.indent(ind + 2);
                    self.yaml_field(k, x, ind + 2);
                }
            }
            _ => {
                self.buf.push(b' ');
                self.yaml_scalar(v);
                self.buf.push(b'\n');
            }
        }
    }

    /// Writes one list item `- ...` at column `ind`.
    fn yaml_item(&mut self, v: &V<'_>, ind: usize) {
        self.indent(ind);
        self.buf.extend_from_slice(b"- ");
        match v {
            V::Map(fields) if !v.is_flow() => {
                for (i, (k, x)) in fields.iter().enumerate() {
                    if i > 0 {
                        self.indent(ind + 2);
                    }
                    self.yaml_field(k, x, ind + 2);
                }
            }
            _ => {
                self.yaml_scalar(v);
                self.buf.push(b'\n');
            }
        }
    }

    // --- Documents ------------------------------------------------------

    fn section<'a, I>(&mut self, name: &str, first: &mut bool, items: I) -> io::Result<()>
    where
        I: Iterator<Item = V<'a>>,
    {
        let mut items = items.peekable();
        if items.peek().is_none() {
            return Ok(());
        }
        match self.format {
            FileFormat::Json => {
                if !*first {
                    self.buf.extend_from_slice(b",\n");
                }
                self.buf.extend_from_slice(b"  ");
                self.json_str(name);
                self.buf.extend_from_slice(b": [\n");
                for (i, item) in items.enumerate() {
                    if i > 0 {
                        self.buf.extend_from_slice(b",\n");
                    }
                    self.indent(4);
                    self.json(&item, 4);
                    self.maybe_flush()?;
                }
                self.buf.extend_from_slice(b"\n  ]");
            }
            FileFormat::Yaml => {
                self.buf.extend_from_slice(name.as_bytes());
                self.buf.extend_from_slice(b":\n");
                for item in items {
                    self.yaml_item(&item, 2);
                    self.maybe_flush()?;
                }
            }
        }
        *first = false;
        Ok(())
    }
}

/// Ids that YAML reads back as the same string when written plain.
fn plain_ok(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b[0].is_ascii_lowercase()
        && b.iter().all(|&c| {
            c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, b'-' | b'_' | b'.')
        })
        && !matches!(
            s,
            "true" | "false" | "null" | "yes" | "no" | "on" | "off" | "y" | "n"
        )
}

pub(super) fn write_doc(
    syn: &Synthetic,
    files: &[File],
    format: FileFormat,
    header: bool,
    out: &mut impl Write,
) -> io::Result<()> {
    let mut em = Em {
        buf: Vec::with_capacity(FLUSH_AT + 4096),
        out,
        format,
    };
    let mut first = true;
    match format {
        FileFormat::Json => em.buf.extend_from_slice(b"{\n"),
        FileFormat::Yaml => {}
    }
    if header {
        match format {
            FileFormat::Json => {
                em.buf
                    .extend_from_slice(b"  \"version\": 1,\n  \"organization\": ");
                em.json(
                    &V::Map(vec![
                        ("name", V::Text(&syn.name)),
                        ("description", V::Text("generated by opmodel::synth")),
                    ]),
                    2,
                );
            }
            FileFormat::Yaml => {
                em.buf.extend_from_slice(b"version: 1\n");
                em.yaml_field(
                    "organization",
                    &V::Map(vec![
                        ("name", V::Text(&syn.name)),
                        ("description", V::Text("generated by opmodel::synth")),
                    ]),
                    0,
                );
            }
        }
        first = false;
    }
    em.section(
        "teams",
        &mut first,
        files.iter().flat_map(|f| f.teams.iter().map(team)),
    )?;
    em.section(
        "products",
        &mut first,
        files.iter().flat_map(|f| f.products.iter().map(product)),
    )?;
    em.section(
        "outcomes",
        &mut first,
        files.iter().flat_map(|f| f.outcomes.iter().map(outcome)),
    )?;
    em.section(
        "objectives",
        &mut first,
        files
            .iter()
            .flat_map(|f| f.objectives.iter().map(objective)),
    )?;
    em.section(
        "decisions",
        &mut first,
        files.iter().flat_map(|f| f.decisions.iter().map(decision)),
    )?;
    if format == FileFormat::Json {
        em.buf.extend_from_slice(b"\n}\n");
    }
    em.finish()
}
