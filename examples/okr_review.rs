//! A quarterly OKR review: every key result of several teams through the
//! goal-style classifier, then a revised set and the checks again.
//!
//! What this example teaches:
//!
//! - the difference between an *outcome* key result (a measured change for
//!   customers or the business) and a *milestone* (something delivered);
//! - how to call the classifier yourself: [`classify`] gives a verdict, a
//!   confidence and the cues behind it ([`Cue::describe`] turns each into a
//!   sentence), [`measurability`] says whether a number or target is given,
//!   [`rewrite_hint`] suggests an outcome-style rewrite, and
//!   [`classify_objective`] judges an objective's title;
//! - how to run only one family of checks (goal style) by setting every other
//!   check to `allow` in a [`Config`].
//!
//! Run it with `cargo run --example okr_review`.

use opmodel::check::Category;
use opmodel::goal_style::{classify, classify_objective, measurability, rewrite_hint};
use opmodel::model::{KeyResult, Model, Objective, Team};
use opmodel::report::human::{Options, render};
use opmodel::{Config, Level, Linter};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    banner("1. The quarter's OKRs, as the teams wrote them");
    say(&[
        "Three teams of Ferngrove, an online grocer, wrote their 2026-Q3 OKRs.",
        "Each key result goes through the classifier: is it an outcome (a measured",
        "change) or a milestone (something delivered)? The verdict comes with a",
        "confidence (0.5 is a coin flip, 1.0 certain) and the cues it rests on.",
    ]);
    let draft = quarter(false);
    review(&draft);

    banner("2. What the goal-style checks report");
    let linter = goal_style_linter()?;
    let report = linter.check_model(&draft);
    println!("{}\n", render(&report, Options::default()).trim_end());
    say(&[
        "A milestone key result is met when the work ships, whether or not anything",
        "changes for customers. Keep the work, as the *means*, in the team's backlog;",
        "put the change you expect it to cause in the key result.",
    ]);

    banner("3. The revised OKRs");
    say(&[
        "The teams rewrote each milestone as the change it is meant to cause, with a",
        "metric, a baseline and a target (the rewrite hints above were the start).",
    ]);
    let revised = quarter(true);
    review(&revised);

    banner("4. The checks again");
    let report = linter.check_model(&revised);
    println!("{}\n", render(&report, Options::default()).trim_end());
    if report.diagnostics.is_empty() {
        println!("Every key result now describes a measured change.");
    }
    Ok(())
}

/// A linter with only the goal-style family switched on: the OKRs are
/// reviewed here without the rest of the org.
fn goal_style_linter() -> Result<Linter, Box<dyn std::error::Error>> {
    let linter = Linter::new();
    let mut config = Config::new();
    for meta in linter.metas() {
        if meta.category != Category::GoalStyle {
            config.set_level(meta.name, Level::Allow);
        }
    }
    Ok(linter.with_config(config)?)
}

/// Ferngrove's OKRs for the quarter; `revised` gives the rewritten set.
fn quarter(revised: bool) -> Model {
    let pick = |draft: &str, better: &str| {
        if revised {
            better.to_owned()
        } else {
            draft.to_owned()
        }
    };
    let checkout = Objective::new("checkout-2026q3", "Shoppers check out without friction")
        .owner("checkout")
        .period("2026-Q3")
        .key_result(pick(
            "Launch one-click reorder by August",
            "Share of baskets placed with one-click reorder from 0% to 25%",
        ))
        .key_result("Raise checkout conversion from 61% to 68%")
        .with_key_result(if revised {
            KeyResult::new(
                "checkout-2026q3-payments",
                "Payment failures at checkout from 4.1% to under 2%",
            )
        } else {
            KeyResult::new(
                "checkout-2026q3-payments",
                "Migrate card payments to the new provider",
            )
            .metric("payment failures at checkout")
            .baseline(4.1)
            .target(2.0)
            .unit("%")
        });
    let delivery = Objective::new(
        "delivery-2026q3",
        pick(
            "Roll out the new delivery-slot booking system",
            "Shoppers get the delivery slot they want",
        ),
    )
    .owner("delivery")
    .period("2026-Q3")
    .key_result(pick(
        "Implement dynamic slot pricing in all regions",
        "Orders delivered in the customer's first-choice slot from 72% to 85%",
    ))
    .key_result("Late deliveries under 3% of orders every week")
    .key_result(pick(
        "Hire 4 drivers per depot",
        "Evening slots sold out before 6 pm on fewer than 2 days a week",
    ));
    let loyalty = Objective::new("loyalty-2026q3", "Regular shoppers come back every week")
        .owner("loyalty")
        .period("2026-Q3")
        .key_result(pick(
            "Publish 12 recipe newsletters",
            "Newsletter readers who order a featured recipe's basket from 3% to 8%",
        ))
        .key_result("Weekly repeat-purchase rate from 38% to 45%");
    Model::builder()
        .organization("Ferngrove")
        .team(Team::new("checkout"))
        .team(Team::new("delivery"))
        .team(Team::new("loyalty"))
        .objective(checkout)
        .objective(delivery)
        .objective(loyalty)
        .build()
}

/// Prints the classifier's view of every objective and key result.
fn review(model: &Model) {
    for objective in &model.objectives {
        let owner = objective.owner.as_ref().map_or("nobody", |r| r.as_str());
        let title = classify_objective(&objective.title);
        println!(
            "\nObjective `{}` ({owner}): \"{}\"",
            objective.id, objective.title
        );
        if title.is_project_style() {
            let why: Vec<String> = title
                .cues
                .iter()
                .filter(|c| c.weight > 0.0)
                .map(|c| c.describe(&objective.title))
                .collect();
            println!("  title reads as a PROJECT: {}", why.join("; "));
        } else {
            println!("  title reads as a change for customers or the business");
        }
        for kr in &objective.key_results {
            let a = classify(&kr.text);
            let measurable = measurability(&kr.text).is_measurable() || kr.measure.target.is_some();
            println!("  - {} \"{}\"", kr.id, kr.text);
            println!(
                "      verdict: {} (confidence {:.2}); measurable: {}",
                a.style,
                a.confidence,
                if measurable { "yes" } else { "no" }
            );
            for cue in &a.cues {
                let direction = if cue.weight > 0.0 {
                    "towards milestone"
                } else if cue.weight < 0.0 {
                    "towards outcome"
                } else {
                    "noted, not counted"
                };
                println!(
                    "      cue: {} ({}, {direction})",
                    cue.describe(&kr.text),
                    cue.kind
                );
            }
            if a.is_milestone() {
                let hint = rewrite_hint(
                    &kr.text,
                    kr.measure.metric.as_deref(),
                    kr.measure.baseline,
                    kr.measure.target,
                    kr.measure.unit.as_deref(),
                );
                println!("      rewrite: {hint}");
            }
        }
    }
}

fn say(lines: &[&str]) {
    for line in lines {
        println!("{line}");
    }
}

fn banner(title: &str) {
    println!(
        "\n=== {title} {}\n",
        "=".repeat(70usize.saturating_sub(title.len()))
    );
}
