//! The guide (`src/guide.rs`) documents every built-in check by name.

#[test]
fn guide_names_every_check() {
    let guide = include_str!("../src/guide.rs");
    let linter = opmodel::Linter::new();
    let missing: Vec<&str> = linter
        .metas()
        .into_iter()
        .map(|m| m.name)
        .filter(|name| !guide.contains(&format!("`{name}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "src/guide.rs does not mention: {missing:?}"
    );
}
