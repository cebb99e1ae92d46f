//! `opmodel schema`: the JSON Schema of org files, or the field reference.

use std::io::Write as _;

use super::args::SchemaArgs;
use super::fail;

pub(crate) fn run(args: &SchemaArgs) -> u8 {
    let text = if args.reference {
        opmodel::schema::reference()
    } else {
        schema_text()
    };
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => fail(format!("cannot write: {e}")),
        _ => 0,
    }
}

/// The schema, indented, with a final newline (as `docs/opmodel.schema.json`).
fn schema_text() -> String {
    let mut text =
        serde_json::to_string_pretty(&opmodel::schema::json_schema()).unwrap_or_default();
    text.push('\n');
    text
}
