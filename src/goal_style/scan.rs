//! Tokenizer: splits a key result into words, numbers and symbols without allocating.
//!
//! Every token records a byte span into the original text (always on char boundaries)
//! and the lexicon flags of its lowercased form.

use super::lexicon;

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

/// Splits `text` into at most [`MAX_TOKS`] tokens.
pub(crate) fn tokenize(text: &str) -> Toks {
    let mut out = Toks {
        toks: [Tok::default(); MAX_TOKS],
        len: 0,
    };
    tokenize_into(text, &mut out);
    out
}

/// Splits `text` into at most [`MAX_TOKS`] tokens, reusing `out`.
pub(crate) fn tokenize_into(text: &str, out: &mut Toks) {
    out.len = 0;
    if text.len() >= u32::MAX as usize {
        return;
    }
    let bytes = text.as_bytes();
    let mut i = 0;
    while out.len < MAX_TOKS {
        let Some((c, cl)) = char_at(text, i) else {
            break;
        };
        let start = i;
        i += cl;
        let kind;
        if c.is_whitespace() || c.is_control() {
            continue;
        } else if c.is_ascii_digit() {
            kind = TokKind::Num;
            // digits with inner , or . and trailing letters (20k, 1.5M, 3.5x, 30m)
            while let Some((d, dl)) = char_at(text, i) {
                if d.is_ascii_digit() || d.is_alphabetic() {
                    i += dl;
                } else if (d == ',' || d == '.') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
                {
                    i += 1;
                } else {
                    break;
                }
            }
        } else if c.is_alphanumeric() {
            kind = TokKind::Word;
            while let Some((d, dl)) = char_at(text, i) {
                if d.is_alphanumeric() {
                    i += dl;
                    continue;
                }
                if matches!(d, '-' | '\'' | '’' | '.' | '&')
                    && char_at(text, i + dl).is_some_and(|(n, _)| {
                        n.is_alphanumeric() && (d != '.' || n.is_ascii_digit())
                    })
                {
                    i += dl;
                    continue;
                }
                break;
            }
        } else {
            kind = match c {
                '%' => TokKind::Percent,
                '→' => TokKind::Arrow,
                '≥' | '≤' => TokKind::Cmp,
                '<' | '>' => {
                    if bytes.get(i) == Some(&b'=') {
                        i += 1;
                    }
                    TokKind::Cmp
                }
                '-' => {
                    if bytes.get(i) == Some(&b'>') {
                        i += 1;
                        TokKind::Arrow
                    } else {
                        TokKind::Punct
                    }
                }
                '+' => TokKind::Plus,
                ':' => TokKind::Colon,
                ',' | ';' | '(' | ')' | '–' | '—' | '.' | '!' | '?' => TokKind::Punct,
                _ => TokKind::Other,
            };
        }
        let word = &bytes[start..i];
        let flags = match kind {
            TokKind::Word => lexicon::word_flags(word),
            TokKind::Num => lexicon::num_flags(word),
            _ => 0,
        };
        out.toks[out.len] = Tok {
            start: start as u32,
            end: i as u32,
            kind,
            flags,
        };
        out.len += 1;
    }
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
