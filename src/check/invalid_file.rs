//! `invalid-file`: a file that cannot be read or parsed.

use super::{Check, Context, Sink, declare_check};

declare_check! {
    /// ### What it finds
    /// An input file that cannot be used at all: it cannot be read, is not
    /// UTF-8, is not valid YAML, TOML or JSON, has a top level that is not a
    /// table of sections, has a section opmodel does not know, or declares a
    /// `version` other than 1.
    ///
    /// ### Why it matters
    /// Whatever the file was meant to say about the organisation is missing
    /// from every other check: an owner that is not read makes a product look
    /// orphaned. The other files are still read and checked.
    ///
    /// ### Example
    /// ```yaml
    /// teams:
    ///   - id: playback
    ///     owns: [web-player        # the list is never closed
    /// ```
    ///
    /// ### Fix
    /// Correct the file at the line and column shown; the message quotes
    /// what the parser expected there.
    pub struct InvalidFile;
    name: "invalid-file",
    category: Integrity,
    level: Deny,
    summary: "a file that cannot be read or parsed, or has an unknown section or version",
    params: [],
}

impl Check for InvalidFile {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    /// Found while loading; see [`crate::load`].
    fn run(&self, _cx: &Context<'_, '_>, _out: &mut Sink) {}
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{assert_load_passes, assert_load_triggers};
    use crate::load::Format;

    #[test]
    fn triggers() {
        assert_load_triggers("invalid-file", "teams: [\n", Format::Yaml, &["org.yaml"]);
        assert_load_triggers("invalid-file", "tems: []\n", Format::Yaml, &["org.yaml"]);
        assert_load_triggers("invalid-file", "version: 2\n", Format::Yaml, &["org.yaml"]);
        assert_load_triggers("invalid-file", "- a\n- b\n", Format::Yaml, &["org.yaml"]);
        assert_load_triggers(
            "invalid-file",
            "{\"teams\": 3}",
            Format::Json,
            &["org.json"],
        );
    }

    #[test]
    fn passes() {
        assert_load_passes("invalid-file", "", Format::Yaml);
        assert_load_passes("invalid-file", "version: 1\nteams: []\n", Format::Yaml);
        assert_load_passes("invalid-file", "{}", Format::Json);
    }
}
