use std::fmt::Write as _;
use std::io::Write as _;

use opmodel::Linter;
use opmodel::diagnostic::{did_you_mean, named_like};

use super::args::{ChecksArgs, ExplainArgs, ListFormat};
use super::fail;

pub(crate) fn explain(args: &ExplainArgs) -> u8 {
    let mut out = String::new();
    let linter = Linter::new();
    let metas = linter.metas();
    // `MILESTONE_KEY_RESULT` is the same name in other clothes.
    let plain = args.check.trim().to_ascii_lowercase().replace('_', "-");
    let Some(meta) = metas
        .iter()
        .find(|m| m.name == args.check)
        .or_else(|| metas.iter().find(|m| m.name == plain))
    else {
        let names = || metas.iter().map(|m| m.name);
        let like = named_like(&args.check, names());
        let hint = match (did_you_mean(&args.check, names()), like.as_slice()) {
            (Some(s), _) | (None, &[s]) => format!("; did you mean `{s}`?"),
            (None, []) => "; `opmodel checks` lists every check".to_owned(),
            (None, several) => format!(
                "; checks named like it: {}",
                several
                    .iter()
                    .map(|s| format!("`{s}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        return fail(format!("unknown check `{}`{hint}", args.check));
    };
    out.push_str(&meta.explain());
    print(&out)
}

pub(crate) fn list(args: &ChecksArgs) -> u8 {
    let mut out = String::new();
    let linter = Linter::new();
    let metas = linter.metas();
    match args.format {
        ListFormat::Text => {
            let width = metas.iter().map(|m| m.name.len()).max().unwrap_or(0);
            for m in &metas {
                let _ = writeln!(
                    out,
                    "{:<width$}  {:<15}  {:<5}  {}",
                    m.name,
                    m.category.to_string(),
                    m.default_level.to_string(),
                    m.summary
                );
            }
        }
        ListFormat::Markdown => {
            let _ = writeln!(
                out,
                "| check | category | default level | finds |\n|---|---|---|---|"
            );
            for m in &metas {
                let _ = writeln!(
                    out,
                    "| `{}` | {} | {} | {} |",
                    m.name, m.category, m.default_level, m.summary
                );
            }
        }
        ListFormat::Json => {
            let rows: Vec<serde_json::Value> = metas
                .iter()
                .map(|m| {
                    serde_json::json!({
                        "name": m.name,
                        "category": m.category.to_string(),
                        "default_level": m.default_level,
                        "summary": m.summary,
                    })
                })
                .collect();
            let _ = writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&rows).unwrap_or_default()
            );
        }
    }
    print(&out)
}

/// Writes to stdout; a closed pipe (`opmodel checks | head`) is not an error.
fn print(text: &str) -> u8 {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => fail(format!("cannot write: {e}")),
        _ => 0,
    }
}
