//! The rules every model meets, wherever it came from.
//!
//! The loader applies them as it reads a file, with the line of each
//! problem; a model built in code meets the same rules here, so that
//! `Team::new("Bad Team!")` is reported by [`Linter::check_model`](crate::Linter::check_model)
//! exactly as `id: Bad Team!` is by `opmodel check`.

use super::{EntityKind, EntityRef, Model, is_valid_id};
use crate::check::invalid_entity::InvalidEntity;
use crate::diagnostic::Diagnostic;
use crate::source::Location;

/// What both the loader and [`Model::validate`] say about an entity
/// without an id.
pub(crate) const MISSING_ID_HELP: &str =
    "give it a unique `id:`; other entities refer to it by that id";
/// What the loader says about a bad id; shared so both paths say it alike.
pub(crate) const ID_HELP: &str =
    "ids are 1 to 128 characters of a-z, 0-9, `-`, `_` and `.`, starting with a letter or digit";

/// The id `id` would be written as: lowercase, each run of characters no
/// id has made one `-`, and no `-`, `_` or `.` at the start (`Loan App!` →
/// `loan-app`). `None` when nothing of it is left.
pub(crate) fn valid_form(id: &str) -> Option<String> {
    let mut out = String::with_capacity(id.len());
    for c in id.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.') {
            out.push(c);
        } else if let Some(plain) = latin_letter(c) {
            out.push_str(plain);
        } else if ('\u{300}'..='\u{36f}').contains(&c) {
            // A combining accent (`İ` lowercases to `i` and one) is dropped.
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let trimmed = out
        .trim_start_matches(['-', '_', '.'])
        .trim_end_matches('-')
        .chars()
        .take(128)
        .collect::<String>();
    crate::model::is_valid_id(&trimmed).then_some(trimmed)
}

/// The plain letters a lowercase accented Latin letter is written with in
/// an id (`é` → `e`, `ß` → `ss`), so that `équipe-paiements` is suggested
/// as `equipe-paiements`, not `quipe-paiements`.
fn latin_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'à'..='å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ł' | 'ľ' | 'ĺ' | 'ļ' => "l",
        'ħ' | 'ĥ' => "h",
        'ĵ' => "j",
        'ķ' => "k",
        'ŋ' => "ng",
        'ŧ' => "t",
        'ŵ' => "w",
        'ŷ' => "y",
        'ĳ' => "ij",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò'..='ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ř' | 'ŗ' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ț' => "t",
        'þ' => "th",
        'ù'..='ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

/// `id` as a suggested fix writes it: itself when valid, else the form the
/// `invalid-entity` finding about it asks for (`Payments Team` →
/// `payments-team`), so that no fix repeats an id that is refused.
pub(crate) fn as_suggested(id: &str) -> std::borrow::Cow<'_, str> {
    if crate::model::is_valid_id(id) {
        std::borrow::Cow::Borrowed(id)
    } else {
        valid_form(id).map_or(std::borrow::Cow::Borrowed(id), std::borrow::Cow::Owned)
    }
}

/// [`ID_HELP`], with the valid form of `id` when it has one.
pub(crate) fn id_help(id: &str) -> String {
    match valid_form(id) {
        Some(valid) => format!("write it `{valid}`: {ID_HELP}"),
        None => ID_HELP.to_owned(),
    }
}
/// What the loader says about a key result without text.
pub(crate) const KR_TEXT_HELP: &str = "write what has to be true for the key result to be met, like `Raise week-1 retention from 31% to 38%`";
/// What the loader says about an outcome without a statement.
pub(crate) const STATEMENT_HELP: &str =
    "say what changes, for whom: `statement: Listeners spend more time with music they love`";
/// What the loader says about an objective without a title.
pub(crate) const TITLE_HELP: &str = "say what should be true for customers or the business: `title: New listeners find music they love`";

impl Model {
    /// The `invalid-entity` findings of a model: ids that break the id
    /// rule, required text left empty, numbers that are not finite. Empty
    /// for any model the loader produced from files it accepted, and for a
    /// sound model built in code.
    ///
    /// ```
    /// use opmodel::model::{Model, Team};
    /// let model = Model::builder().team(Team::new("Bad Team!")).build();
    /// let found = model.validate();
    /// assert_eq!(found[0].check, "invalid-entity");
    /// assert_eq!(found[0].message, "`Bad Team!` is not a valid id");
    /// ```
    pub fn validate(&self) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let mut id = |kind: EntityKind, id: &str, at: Option<Location>| {
            if let Some(d) = check_id(kind, id, at) {
                out.push(d);
            }
        };
        for t in &self.teams {
            id(EntityKind::Team, &t.id, t.location);
        }
        for p in &self.products {
            id(EntityKind::Product, &p.id, p.location);
        }
        for o in &self.outcomes {
            id(EntityKind::Outcome, &o.id, o.location);
        }
        for o in &self.objectives {
            id(EntityKind::Objective, &o.id, o.location);
            for kr in &o.key_results {
                id(EntityKind::KeyResult, &kr.id, kr.location);
            }
        }
        for o in &self.outcomes {
            if o.statement.trim().is_empty() {
                out.push(problem(
                    EntityKind::Outcome,
                    &o.id,
                    "has no `statement`",
                    STATEMENT_HELP,
                    o.location,
                ));
            }
            for (field, value) in [("baseline", o.baseline), ("target", o.target)] {
                if value.is_some_and(|v| !v.is_finite()) {
                    out.push(not_finite(EntityKind::Outcome, &o.id, field, o.location));
                }
            }
        }
        for o in &self.objectives {
            if o.title.trim().is_empty() {
                out.push(problem(
                    EntityKind::Objective,
                    &o.id,
                    "has no `title`",
                    TITLE_HELP,
                    o.location,
                ));
            }
            for kr in &o.key_results {
                if kr.text.trim().is_empty() {
                    out.push(problem(
                        EntityKind::KeyResult,
                        &kr.id,
                        "has no text",
                        KR_TEXT_HELP,
                        kr.location,
                    ));
                }
                for (field, value) in [
                    ("baseline", kr.measure.baseline),
                    ("target", kr.measure.target),
                ] {
                    if value.is_some_and(|v| !v.is_finite()) {
                        out.push(not_finite(
                            EntityKind::KeyResult,
                            &kr.id,
                            field,
                            kr.location,
                        ));
                    }
                }
            }
        }
        for p in &self.people {
            if let Some(d) = check_id(EntityKind::Person, &p.id, p.location) {
                out.push(d);
            }
            for a in &p.allocations {
                if !(a.share > 0.0 && a.share <= 1.0) {
                    out.push(problem(
                        EntityKind::Person,
                        &p.id,
                        "has an allocation whose `share` is outside (0, 1]",
                        "a share is the part of the person's time given to the team: more than 0, at most 1",
                        a.location.or(p.location),
                    ));
                }
            }
        }
        for s in &self.lifecycle {
            if let Some(d) = check_id(EntityKind::Stage, &s.id, s.location) {
                out.push(d);
            }
        }
        for c in &self.cadences {
            if let Some(d) = check_id(EntityKind::Cadence, &c.id, c.location) {
                out.push(d);
            }
        }
        for t in &self.teams {
            if t.members.iter().any(|m| m.name.trim().is_empty()) {
                out.push(problem(
                    EntityKind::Team,
                    &t.id,
                    "has a member with no `name`",
                    "give every member a name, like `- { name: Ama, role: designer }`",
                    t.location,
                ));
            }
        }
        out
    }
}

fn check_id(kind: EntityKind, id: &str, at: Option<Location>) -> Option<Diagnostic> {
    if id.is_empty() {
        let d = Diagnostic::new(
            InvalidEntity::NAME,
            EntityRef::new(kind, id),
            format!("{} has no `id`", kind.with_article()),
        );
        return Some(d.with_help(MISSING_ID_HELP).at(at));
    }
    // Key results without an id of their own get `<objective>#<n>`, which is
    // valid by construction even though `#` is not an id character.
    let checked = match (kind, id.split_once('#')) {
        (EntityKind::KeyResult, Some((objective, n))) if n.parse::<u32>().is_ok() => objective,
        _ => id,
    };
    (!is_valid_id(checked)).then(|| {
        Diagnostic::new(
            InvalidEntity::NAME,
            EntityRef::new(kind, id),
            format!("`{}` is not a valid id", crate::check::quote_text(id)),
        )
        .with_help(id_help(id))
        .at(at)
    })
}

fn problem(
    kind: EntityKind,
    id: &str,
    what: &str,
    help: &'static str,
    at: Option<Location>,
) -> Diagnostic {
    let entity = EntityRef::new(kind, id);
    Diagnostic::new(
        InvalidEntity::NAME,
        entity.clone(),
        format!("{entity} {what}"),
    )
    .with_help(help)
    .at(at)
}

fn not_finite(kind: EntityKind, id: &str, field: &str, at: Option<Location>) -> Diagnostic {
    let entity = EntityRef::new(kind, id);
    Diagnostic::new(
        InvalidEntity::NAME,
        entity.clone(),
        format!("`{field}` of {entity} is not a finite number"),
    )
    .with_help("write a number like `38` or `0.5`")
    .at(at)
}

#[cfg(test)]
mod tests {
    use crate::model::{KeyResult, Model, Objective, Outcome, Team};

    fn messages(model: &Model) -> Vec<String> {
        model.validate().into_iter().map(|d| d.message).collect()
    }

    #[test]
    fn an_accented_id_is_suggested_with_its_plain_letters() {
        let form = |id: &str| super::valid_form(id);
        assert_eq!(
            form("équipe-paiements").as_deref(),
            Some("equipe-paiements")
        );
        assert_eq!(form("Zoë").as_deref(), Some("zoe"));
        assert_eq!(form("Straße Æon").as_deref(), Some("strasse-aeon"));
        assert_eq!(form("İzmir").as_deref(), Some("izmir"));
        assert_eq!(form("Ĳssel").as_deref(), Some("ijssel"));
        // Letters with no plain form still make a `-`.
        assert_eq!(form("支付-team").as_deref(), Some("team"));
        assert_eq!(form("!!!"), None);
    }

    #[test]
    fn bad_ids_and_empty_text_are_found() {
        let model = Model::builder()
            .team(Team::new("Bad Team!"))
            .team(Team::new(""))
            .outcome(Outcome::new("retention", " "))
            .objective(Objective::new("q3", "Listeners stay").key_result(""))
            .build();
        assert_eq!(
            messages(&model),
            [
                "`Bad Team!` is not a valid id",
                "a team has no `id`",
                "outcome `retention` has no `statement`",
                "key-result `q3#1` has no text",
            ]
        );
    }

    #[test]
    fn a_sound_model_has_nothing_to_say() {
        let model = Model::builder()
            .team(Team::new("playback").member("Ama", crate::model::Role::Designer))
            .outcome(Outcome::new("retention", "Listeners come back"))
            .objective(
                Objective::new("q3", "Listeners stay")
                    .key_result("Raise week-1 retention from 31% to 38%")
                    .with_key_result(KeyResult::new("q3-churn", "Cut churn from 5% to 4%")),
            )
            .build();
        assert!(messages(&model).is_empty(), "{:?}", messages(&model));
    }

    #[test]
    fn numbers_must_be_finite() {
        let model = Model::builder()
            .objective(
                Objective::new("q3", "Listeners stay")
                    .with_key_result(KeyResult::new("q3-a", "Raise retention").target(f64::NAN)),
            )
            .build();
        assert_eq!(
            messages(&model),
            ["`target` of key-result `q3-a` is not a finite number"]
        );
    }
}
