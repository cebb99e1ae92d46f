//! The library built without its `toml` feature (`.ci/run` runs this file
//! with `--no-default-features --features yaml`): an `opmodel.toml` it
//! cannot read is an error, not a config silently left out.
#![cfg(all(feature = "yaml", not(feature = "toml")))]

use opmodel::{ConfigError, LoadError, Org};

#[test]
fn a_config_file_this_build_cannot_read_is_an_error() {
    let dir = std::env::temp_dir().join(format!("opmodel-without-toml-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("folder");
    std::fs::write(dir.join("org.yaml"), "teams:\n  - id: web\n").expect("written");
    // No config: the org loads.
    assert!(Org::load(&[&dir]).is_ok());
    std::fs::write(
        dir.join("opmodel.toml"),
        "[checks]\nidle-team = \"allow\"\n",
    )
    .expect("written");
    let err = Org::load(&[&dir]).expect_err("the config cannot be read");
    assert!(
        matches!(&err, LoadError::Config(ConfigError::TomlFeatureOff { path }) if path.ends_with("opmodel.toml")),
        "{err:?}"
    );
    assert!(err.to_string().contains("`toml` feature"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
