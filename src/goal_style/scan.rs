//! Tokenizer: splits a key result into words, numbers and symbols without allocating.
//!
//! Every token records a byte span into the original text (always on char boundaries)
//! and the lexicon flags of its lowercased form.

use super::lexicon;
use super::named::W;
use super::wide;

/// The most tokens looked at; text beyond that is ignored by the classifier.
pub(crate) const MAX_TOKS: usize = 64;

/// What a token is made of.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// Letters (and digits, hyphens, apostrophes inside), e.g. `sign-ups`, `p95`.
    #[default]
    Word,
    /// Starts with a digit: `38`, `1,200`, `99.9`, `20k`, `1.5M`.
    Num,
    /// `%`.
    Percent,
    /// `→` or `->`.
    Arrow,
    /// `≥`, `≤`, `<`, `>`, `<=`, `>=`.
    Cmp,
    /// `+` (as in `+4%`).
    Plus,
    /// `:`.
    Colon,
    /// `,` `;` `(` `)` and dashes used as punctuation.
    Punct,
    /// Anything else (`$`, `€`, `/`, `±`, …).
    Other,
}

/// One token.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Tok {
    /// Byte offset of the first byte.
    pub start: u32,
    /// Byte offset one past the last byte.
    pub end: u32,
    /// Token kind.
    pub kind: TokKind,
    /// Lexicon flags (see [`lexicon`]).
    pub flags: u64,
    /// Which named word this is, if any.
    pub id: W,
}

impl Tok {
    /// Whether any of `f` is set.
    #[inline]
    pub fn has(&self, f: u64) -> bool {
        self.flags & f != 0
    }
}

/// A fixed-capacity token list.
pub(crate) struct Toks {
    /// Storage.
    pub toks: [Tok; MAX_TOKS],
    /// Number of tokens in use.
    pub len: usize,
}

impl Toks {
    /// The tokens in use.
    #[inline]
    pub fn as_slice(&self) -> &[Tok] {
        &self.toks[..self.len]
    }
}

/// The char starting at byte `i` and its length, with a fast path for ASCII.
#[inline]
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((char::from(b), 1));
    }
    text.get(i..)?.chars().next().map(|c| (c, c.len_utf8()))
}

/// What an ASCII byte starts, so the common case never decodes a `char` or asks the
/// Unicode tables.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Whitespace or a control character: skipped.
    Skip,
    /// A number token.
    Digit,
    /// A word token.
    Alpha,
    /// A symbol token of one or two bytes.
    Sym,
}

/// The [`Class`] of every ASCII byte.
const CLASS: [Class; 128] = {
    let mut t = [Class::Sym; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_digit() {
            Class::Digit
        } else if c.is_ascii_alphabetic() {
            Class::Alpha
        } else if c.is_ascii_control() || c == b' ' {
            // the ASCII chars that are `char::is_whitespace` or `char::is_control`
            Class::Skip
        } else {
            Class::Sym
        };
        b += 1;
    }
    t
};

/// Tokens most key results fit in; see [`with_tokens`].
const SHORT: usize = 24;

/// Splits `text` into at most [`MAX_TOKS`] tokens.
pub(crate) fn tokenize(text: &str) -> Toks {
    let mut toks = [Tok::default(); MAX_TOKS];
    let (len, _) = fill(text, 0, &mut toks);
    Toks { toks, len }
}

/// Calls `f` with the first [`MAX_TOKS`] tokens of `text`.
///
/// Zeroing a full token array costs more than scoring a short key result, so the tokens
/// go into a short array first and move to a full one only when they do not fit.
pub(crate) fn with_tokens<R>(text: &str, f: impl FnOnce(&[Tok]) -> R) -> R {
    let mut short = [Tok::default(); SHORT];
    let (n, next) = fill(text, 0, &mut short);
    if n < SHORT {
        return f(short.get(..n).unwrap_or_default());
    }
    let mut full = [Tok::default(); MAX_TOKS];
    let (head, tail) = full.split_at_mut(SHORT);
    head.copy_from_slice(&short);
    let (m, _) = fill(text, next, tail);
    f(full.get(..SHORT + m).unwrap_or_default())
}

/// End of a number whose first digit ends before `i`: digits with inner `,` or `.` and
/// trailing letters (20k, 1.5M, 3.5x, 30m).
fn num_end(text: &str, src: &[u8], mut i: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        i += wide::alnum_run(src, i);
        let Some(&b) = bytes.get(i) else {
            break;
        };
        if b < 0x80 {
            if (b == b',' || b == b'.') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
                i += 1;
            } else {
                break;
            }
        } else {
            match char_at(text, i) {
                Some((d, dl)) if d.is_alphabetic() => i += dl,
                _ => break,
            }
        }
    }
    i
}

/// End of a word whose first char ends before `i`: letters and digits, with `-`, `'`,
/// `’`, `&` and (before a digit) `.` allowed between them.
fn word_end(text: &str, src: &[u8], mut i: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        i += wide::alnum_run(src, i);
        let Some(&b) = bytes.get(i) else {
            break;
        };
        let (d, dl) = if b < 0x80 {
            (char::from(b), 1)
        } else {
            match char_at(text, i) {
                Some((d, _)) if d.is_alphanumeric() => {
                    i += d.len_utf8();
                    continue;
                }
                Some(x) => x,
                None => break,
            }
        };
        if matches!(d, '-' | '\'' | '’' | '.' | '&')
            && char_at(text, i + dl)
                .is_some_and(|(n, _)| n.is_alphanumeric() && (d != '.' || n.is_ascii_digit()))
        {
            i += dl;
            continue;
        }
        break;
    }
    i
}

/// Whether a word stands for a redacted number, as published OKRs write them: `N5`,
/// `N27` (a capital N and digits), `XX` or `XXX`.
fn is_placeholder(w: &[u8]) -> bool {
    match w {
        [b'N', rest @ ..] => !rest.is_empty() && rest.iter().all(u8::is_ascii_digit),
        _ => (2..=3).contains(&w.len()) && w.iter().all(|&c| c == b'X'),
    }
}

/// Kind of a symbol token starting with `c`; advances `i` past a second byte (`<=`, `->`).
fn symbol(c: char, bytes: &[u8], i: &mut usize) -> TokKind {
    match c {
        '%' => TokKind::Percent,
        '→' => TokKind::Arrow,
        '≥' | '≤' => TokKind::Cmp,
        '<' | '>' => {
            if bytes.get(*i) == Some(&b'=') {
                *i += 1;
            }
            TokKind::Cmp
        }
        '-' => {
            if bytes.get(*i) == Some(&b'>') {
                *i += 1;
                TokKind::Arrow
            } else {
                TokKind::Punct
            }
        }
        '+' => TokKind::Plus,
        ':' => TokKind::Colon,
        ',' | ';' | '(' | ')' | '–' | '—' | '.' | '!' | '?' => TokKind::Punct,
        _ => TokKind::Other,
    }
}

/// Tokenizes `text` from byte `i` (a token boundary) until `out` is full; returns the
/// number of tokens stored and the byte to resume from.
fn fill(text: &str, mut i: usize, out: &mut [Tok]) -> (usize, usize) {
    let mut len = 0;
    if text.len() >= u32::MAX as usize {
        return (0, text.len());
    }
    let bytes = text.as_bytes();
    let mut buf = wide::pad_buf();
    let src = wide::padded(bytes, &mut buf);
    while let Some(slot) = out.get_mut(len) {
        let Some(&b) = bytes.get(i) else {
            break;
        };
        let start = i;
        let kind;
        if let Some(&class) = CLASS.get(usize::from(b)) {
            i += 1;
            match class {
                Class::Skip => continue,
                Class::Digit => {
                    kind = TokKind::Num;
                    i = num_end(text, src, i);
                }
                Class::Alpha => {
                    kind = TokKind::Word;
                    i = word_end(text, src, i);
                }
                Class::Sym => kind = symbol(char::from(b), bytes, &mut i),
            }
        } else {
            let Some((c, cl)) = char_at(text, i) else {
                break;
            };
            i += cl;
            if c.is_whitespace() || c.is_control() {
                continue;
            } else if c.is_alphanumeric() {
                kind = TokKind::Word;
                i = word_end(text, src, i);
            } else {
                kind = symbol(c, bytes, &mut i);
            }
        }
        let word = &bytes[start..i];
        // Redacted numbers ("Add N5 ARR", "with XX sign-ups") are numbers.
        let kind = if kind == TokKind::Word && is_placeholder(word) {
            TokKind::Num
        } else {
            kind
        };
        let (flags, id) = match kind {
            // "in Go", "Go projects": the language, not the verb (which opens a sentence)
            TokKind::Word if word == b"Go" && !opens_sentence(bytes, start) => (0, W::Unnamed),
            // "shared w >2k views": the note-taker's "with" (but "5 W" is watts)
            TokKind::Word if word == b"w" => lexicon::word_flags(b"with", 0, 4),
            TokKind::Word => lexicon::word_flags(src, start, i),
            TokKind::Num if word == b"100" => (lexicon::num_flags(word), W::N100),
            TokKind::Num => (lexicon::num_flags(word), W::Unnamed),
            _ => (0, W::Unnamed),
        };
        *slot = Tok {
            start: start as u32,
            end: i as u32,
            kind,
            flags,
            id,
        };
        len += 1;
        // A compound participle before a noun describes it ("value-aligned
        // organizations"); only after its noun does it say something was done
        // ("suppliers risk-assessed").
        if let [.., prev, cur] = &mut out[..len]
            && prev.flags & lexicon::DP != 0
            && cur.kind == TokKind::Word
            && cur.flags & (lexicon::PREP | lexicon::BY | lexicon::AND | lexicon::DET) == 0
            && bytes
                .get(prev.start as usize..prev.end as usize)
                .is_some_and(|w| w.contains(&b'-'))
        {
            prev.flags &= !lexicon::DP;
        }
        // "monthly active wallets", "50 active citizens": what is counted
        // active is a measure of use
        if let [.., before, prev, cur] = &mut out[..len]
            && cur.kind == TokKind::Word
            && bytes
                .get(prev.start as usize..prev.end as usize)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"active"))
            && (before.kind == TokKind::Num && cur.flags & lexicon::ACT != 0
                || bytes
                    .get(before.start as usize..before.end as usize)
                    .is_some_and(|w| {
                        [&b"monthly"[..], b"weekly", b"daily"]
                            .iter()
                            .any(|p| w.eq_ignore_ascii_case(p))
                    }))
        {
            cur.flags |= lexicon::MET;
        }
        // Phrasal verbs with "out": "Figure out if we can …", "Find out
        // whether …" are inquiries; "Reach out to 3+ potential buyers" is
        // contacting people
        if let [.., prev, cur] = &mut out[..len]
            && cur.kind == TokKind::Word
            && prev.kind == TokKind::Word
            && word.eq_ignore_ascii_case(b"out")
            && let Some(verb) = bytes
                .get(prev.start as usize..prev.end as usize)
                .and_then(|w| {
                    [
                        (&b"figure"[..], &b"investigate"[..]),
                        (b"find", b"investigate"),
                        (b"reach", b"contact"),
                    ]
                    .into_iter()
                    .find_map(|(phrasal, like)| w.eq_ignore_ascii_case(phrasal).then_some(like))
                })
        {
            prev.flags = lexicon::word_flags(verb, 0, verb.len()).0;
        }
        // "Lead 3 discussions", "Lead the migration": opening a sentence
        // before a number or a determiner, "lead" is the verb, not a sales
        // lead ("Lead conversion rate from 2% to 4%")
        if let [.., prev, cur] = &mut out[..len]
            && prev.kind == TokKind::Word
            && (cur.kind == TokKind::Num || cur.flags & lexicon::DET != 0)
            && bytes
                .get(prev.start as usize..prev.end as usize)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"lead"))
            && opens_sentence(bytes, prev.start as usize)
        {
            prev.flags = lexicon::word_flags(b"host", 0, 4).0;
        }
        // "90 per cent" is one word, "percent"
        if let [.., prev, cur] = &mut out[..len]
            && cur.kind == TokKind::Word
            && prev.kind == TokKind::Word
            && word.eq_ignore_ascii_case(b"cent")
            && bytes
                .get(prev.start as usize..prev.end as usize)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"per"))
        {
            (prev.flags, prev.id) = lexicon::word_flags(b"percent", 0, 7);
            prev.end = cur.end;
            len -= 1;
        }
    }
    (len, i)
}

/// Whether the word at `start` opens a sentence: only spaces, and before them the start of
/// the text or a sentence end, precede it.
fn opens_sentence(bytes: &[u8], start: usize) -> bool {
    let before = bytes.get(..start).unwrap_or_default();
    let trimmed = before.trim_ascii_end();
    trimmed.is_empty()
        || matches!(
            trimmed.last(),
            Some(b'.' | b';' | b':' | b'!' | b'?' | b'-' | b'*')
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let t = tokenize(text);
        t.as_slice()
            .iter()
            .map(|k| &text[k.start as usize..k.end as usize])
            .collect()
    }

    #[test]
    fn splits_words_numbers_symbols() {
        assert_eq!(
            words("d7 ret 34%→40%, sign-ups ≥ 1,200.5k; v1.0"),
            vec![
                "d7", "ret", "34", "%", "→", "40", "%", ",", "sign-ups", "≥", "1,200.5k", ";",
                "v1.0"
            ]
        );
        assert_eq!(words("mttr < 30m"), vec!["mttr", "<", "30m"]);
        assert_eq!(words("end."), vec!["end", "."]);
    }
}
