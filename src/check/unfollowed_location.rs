//! `unfollowed-location`: a Backstage `Location` target that is not read.

use super::{Check, Context, Sink, declare_check};

declare_check! {
    /// ### What it finds
    /// A target of a Backstage `Location` entity (`spec.target` or
    /// `spec.targets`) that opmodel does not read: a URL (opmodel never
    /// goes to the network; one note names every URL target of the run,
    /// each once), a relative path in a catalog read from standard input
    /// (a note: there is no folder to find it in), an absolute path outside the folders given and the
    /// folders of the files given (`/etc/passwd`; a warning), a relative
    /// path through a link that leads out of them (a warning), or a glob
    /// whose search would follow a link or a `..` after a wildcard out of
    /// the folder it starts in (a warning): relative targets are read
    /// wherever their `..`s lead, as the spec says, but opmodel goes
    /// nowhere else nobody gave it unless `--follow-links-outside` is
    /// passed. A target that names a file already read (an input, a file
    /// named twice, a loop of Locations) is not a finding: each file is
    /// read once. A relative path that names no file, or a glob cut short
    /// by the loader's limits, is an `invalid-file` error instead.
    ///
    /// ### Why it matters
    /// The entities in a target that is not read are missing from every
    /// other check: a group defined there makes the components it owns look
    /// like they name an unknown owner.
    ///
    /// ### Example
    /// ```yaml
    /// apiVersion: backstage.io/v1alpha1
    /// kind: Location
    /// metadata:
    ///   name: all-teams
    /// spec:
    ///   targets:
    ///     - https://example.com/catalog/teams.yaml
    /// ```
    ///
    /// ### Fix
    /// Check out the repository that holds the target and give its files to
    /// `opmodel check` too, or point the Location at a relative path. Give
    /// the folder a target
    /// outside leads to as an input too, or pass `--follow-links-outside`.
    pub struct UnfollowedLocation;
    name: "unfollowed-location",
    category: Integrity,
    level: Warn,
    summary: "a Backstage Location target that is not read: a URL (a note), or one outside the folders given",
    params: [],
}

impl Check for UnfollowedLocation {
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

    const URL: &str = "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: elsewhere\nspec:\n  type: url\n  target: https://example.com/catalog-info.yaml\n";
    const GROUP: &str = "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: platform\nspec:\n  type: team\n";
    const RELATIVE: &str = "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: here\nspec:\n  targets: [./teams.yaml]\n";

    #[test]
    fn triggers() {
        assert_load_triggers("unfollowed-location", URL, Format::Backstage, &["org.yaml"]);
        // Read from no file, a relative target has no folder to be found in.
        assert_load_triggers(
            "unfollowed-location",
            RELATIVE,
            Format::Backstage,
            &["org.yaml"],
        );
        assert_load_triggers("unfollowed-location", URL, Format::Yaml, &["org.yaml"]);
    }

    #[test]
    fn passes() {
        assert_load_passes("unfollowed-location", GROUP, Format::Backstage);
        assert_load_passes("unfollowed-location", "teams: []\n", Format::Yaml);
    }
}
